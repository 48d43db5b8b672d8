// A meeting changing confidentiality from the coordinator's desktop in team mode: its texts move into the coffre, or back to the server.
import { holdsSecretTexts, holdsSideTexts, isPlaceholderText, meetingSecretTexts, meetingSideTexts } from '../../shared/confidential-texts';
import type { ChannelName } from '../../shared/contract';
import type { ActionDetail } from '../../shared/contract/strategy';
import type { FollowUpRow } from '../../shared/contract/meetings';
import { team } from '../../shared/i18n/team';
import { teamCoffre } from '../../shared/i18n/team-coffre';
import type { Meeting } from '../../shared/model';
import type { MeetingTexts } from '../../shared/protected-model';
import { fail, ok, type Result } from '../../shared/result';
import { logError } from '../log';
import { assertNotLocked } from '../services/meetings/common';
import type { CoffreWriter } from './coffre-writer';
import { HANDOVER_HEADER, handoverValue } from './handover';

export interface SwitchDeps {
  /** The meeting as the server shows it now (undefined when unreachable or refused). */
  fetch(id: string): Promise<Meeting | undefined>;
  /** Sends one channel to the server (the client's usual path), with extra headers. */
  send(channel: ChannelName, payload: unknown, headers?: Record<string, string>): Promise<Result<unknown>>;
}

export interface SwitchInput {
  id: string;
  patch: { generalNotes?: string; confidentiality?: string } & Record<string, unknown>;
}

/** What a give-back left in the coffre: texts still to send, and the server's last refusal. */
export interface GiveBackReport {
  /** Texts stored on the server by this call. */
  given: number;
  remaining: number;
  refusal?: string;
}

/** One text of the coffre's entry to give back: which field of the entry, and the write that stores it on the server. */
interface Step {
  drop(t: MeetingTexts): void;
  /** Undefined: the server already holds a text there (given back before, or typed since): nothing to send. */
  write?: [ChannelName, unknown];
}

const entryKeys = (r: Record<string, string> | undefined): string[] => Object.keys(r ?? {});

export class ConfidentialSwitch {
  constructor(
    private readonly coffre: CoffreWriter,
    private readonly deps: SwitchDeps,
  ) {}

  /**
   * The meeting's texts (and the patch's general notes) go into the coffre, then the switch is sent with their digest:
   * the server clears its copy in the same transaction, or refuses (texts changed meanwhile) — the coffre is then put back.
   */
  async becomeConfidential(meeting: Meeting, input: SwitchInput, reveal: (value: unknown) => unknown): Promise<Result<unknown>> {
    const texts = meetingSecretTexts(meeting);
    const side = meetingSideTexts(meeting);
    const { generalNotes, ...patch } = input.patch;
    const toKeep = holdsSecretTexts(texts) || holdsSideTexts(side) || Boolean(generalNotes);
    let before: MeetingTexts | undefined;
    if (toKeep) {
      this.coffre.open();
      assertNotLocked(meeting);
      before = this.coffre.entry(meeting.id);
      await this.coffre.write(meeting, (t) => {
        t.generalNotes = generalNotes ?? texts.generalNotes;
        Object.assign(t.agendaNotes, texts.agendaNotes);
        Object.assign(t.decisionTexts, texts.decisionTexts);
        if (Object.keys(side.chairNotes).length) t.chairNotes = { ...t.chairNotes, ...side.chairNotes };
        if (Object.keys(side.followUpComments).length) t.followUpComments = { ...t.followUpComments, ...side.followUpComments };
      });
    }
    const sent = await this.deps.send('meetings:update', { id: meeting.id, patch }, { [HANDOVER_HEADER]: handoverValue(meeting.id, texts, side) });
    if (!sent.ok) {
      if (toKeep) await this.putBack(meeting.id, before);
      return sent;
    }
    return ok(reveal(sent.value));
  }

  /**
   * No longer confidential (the server allows it before the séance only): the coffre's texts go back to the server, as
   * local mode puts them back in clspd.json — the general notes with the switch, then the rest by `giveBack`. A write
   * refused halfway leaves the meeting public with the rest in the coffre: said in French, shown on the meeting, and
   * sent again by `giveBack` at its next opening.
   */
  async becomeOrdinary(meeting: Meeting, input: SwitchInput): Promise<Result<unknown> | undefined> {
    if (!this.coffre.exists()) return undefined; // no coffre, no texts to give back
    this.coffre.open();
    const entry = this.coffre.entry(meeting.id);
    if (!entry) return undefined;
    const generalNotes = input.patch.generalNotes ?? entry.generalNotes;
    const sent = await this.deps.send('meetings:update', { id: meeting.id, patch: { ...input.patch, generalNotes } });
    if (!sent.ok) return sent;
    if (entry.generalNotes) await this.coffre.write(meeting, (t) => void (t.generalNotes = ''));
    const report = await this.giveBack(meeting.id);
    if (report?.remaining) return fail('conflict', teamCoffre.giveBackIncomplete(report.remaining, report.refusal ?? teamCoffre.giveBackUnreachable));
    return ok((await this.deps.fetch(meeting.id)) ?? sent.value);
  }

  /**
   * Sends to the server the texts the coffre still holds for a meeting that is no longer confidential, one write at a
   * time; each text stored (or found already there) leaves the coffre at once, so a refusal halfway loses nothing and
   * the next call resumes where this one stopped — never writing a text twice, never replacing one typed since on the
   * server. The entry goes when empty. Undefined when there is nothing to give back (no entry, or still confidential).
   */
  async giveBack(meetingId: string): Promise<GiveBackReport | undefined> {
    const entry = this.coffre.entry(meetingId);
    if (!entry) return undefined;
    const meeting = await this.deps.fetch(meetingId);
    if (!meeting) return { given: 0, remaining: this.stepsLeft(entry) };
    if (meeting.confidentiality === 'confidential') return undefined;
    const steps = await this.steps(meeting, entry);
    let given = 0;
    for (const step of steps) {
      if (step.write) {
        const r = await this.deps.send(step.write[0], step.write[1]);
        if (!r.ok) {
          const left = this.coffre.entry(meetingId);
          return { given, remaining: left ? this.stepsLeft(left) : 0, refusal: r.error.message };
        }
        given++;
      }
      await this.coffre.write(meeting, step.drop);
    }
    const left = this.coffre.entry(meetingId);
    if (left && !this.stepsLeft(left) && !entryKeys(left.followUpComments).length) await this.coffre.remove(meetingId);
    return { given, remaining: 0 };
  }

  /** How many texts of an entry are still to give back (follow-up comments of confidential decisions stay: not counted). */
  private stepsLeft(t: MeetingTexts): number {
    return (t.generalNotes ? 1 : 0) + entryKeys(t.agendaNotes).length + entryKeys(t.decisionTexts).length + entryKeys(t.chairNotes).length + entryKeys(t.actionTitles).length;
  }

  private async steps(meeting: Meeting, t: MeetingTexts): Promise<Step[]> {
    const id = meeting.id;
    const items = new Map(meeting.agenda.map((i) => [i.id, i]));
    const decisions = new Map(meeting.decisions.map((d) => [d.id, d]));
    const steps: Step[] = [];
    // A text whose item or decision was deleted since has nowhere to go on the server: it leaves the coffre with it.
    if (t.generalNotes) steps.push({ drop: (x) => void (x.generalNotes = ''), write: meeting.generalNotes ? undefined : ['meetings:update', { id, patch: { generalNotes: t.generalNotes } }] });
    for (const [itemId, notes] of Object.entries(t.agendaNotes)) {
      const item = items.get(itemId);
      steps.push({ drop: (x) => void delete x.agendaNotes[itemId], write: !item || item.notes ? undefined : ['meetings:saveNotes', { meetingId: id, agendaItemId: itemId, notes }] });
    }
    for (const [itemId, chairNotes] of Object.entries(t.chairNotes ?? {})) {
      const item = items.get(itemId);
      steps.push({ drop: (x) => void delete x.chairNotes?.[itemId], write: !item || item.chairNotes ? undefined : ['meetings:updateAgendaItem', { meetingId: id, agendaItemId: itemId, patch: { chairNotes } }] });
    }
    for (const [decisionId, text] of Object.entries(t.decisionTexts)) {
      const d = decisions.get(decisionId);
      steps.push({ drop: (x) => void delete x.decisionTexts[decisionId], write: !d || !isPlaceholderText(d.text) ? undefined : ['meetings:updateDecision', { meetingId: id, decisionId, text }] });
    }
    for (const [actionId, title] of Object.entries(t.actionTitles ?? {})) {
      const r = await this.deps.send('actions:get', { id: actionId });
      const placeholder = r.ok && (r.value as ActionDetail).action.title === team.confidentialPlaceholder;
      steps.push({ drop: (x) => void delete x.actionTitles?.[actionId], write: placeholder ? ['actions:update', { id: actionId, patch: { title } }] : undefined });
    }
    steps.push(...(await this.commentSteps(id, t)));
    return steps;
  }

  /** Follow-up comments typed in this meeting go back too, except on a decision of a meeting still confidential (they stay). */
  private async commentSteps(meetingId: string, t: MeetingTexts): Promise<Step[]> {
    const comments = Object.entries(t.followUpComments ?? {});
    if (!comments.length) return [];
    const rows = await this.deps.send('meetings:followUp', { meetingId });
    if (!rows.ok) return []; // kept in the coffre: tried again next time
    const byDecision = new Map((rows.value as FollowUpRow[]).map((r) => [r.decision.id, r]));
    const steps: Step[] = [];
    for (const [decisionId, comment] of comments) {
      const row = byDecision.get(decisionId);
      // Not followed up in this meeting (a comment on one of its own decisions, moved here when it became confidential:
      // no channel puts it back on its own), or on a decision still confidential: it stays in the coffre, shown here.
      if (!row || (await this.deps.fetch(row.meetingId))?.confidentiality === 'confidential') continue;
      steps.push({ drop: (x) => void delete x.followUpComments?.[decisionId], write: row.decision.followUpComment ? undefined : ['meetings:updateFollowUp', { meetingId, decisionId, comment }] });
    }
    return steps;
  }

  /** The coffre's entry for a meeting as it was before a refused switch. */
  private async putBack(meetingId: string, before: MeetingTexts | undefined): Promise<void> {
    try {
      await this.coffre.open().update((d) => {
        d.meetingTexts = d.meetingTexts.filter((m) => m.meetingId !== meetingId);
        if (before) d.meetingTexts.push(before);
      });
    } catch (e) {
      logError('team.coffrePutBackFailed', { reason: (e as Error).message });
    }
  }
}
