// The coordinator's desktop in team mode, in a confidential meeting: the texts go to this computer's coffre, the rest to the server.
//
// Where the split happens: here, on the coordinator's computer, before anything is sent. What counts as a confidential
// text is `meetingSecretTexts` (src/shared/confidential-texts.ts), the definition local mode, `server import` and the
// server use too; the coffre entries are written by the same `writeTexts` local mode uses, keyed by the same meeting and
// decision ids, and read back into answers by the same `revealTexts`. The server only ever gets the « décision prise »
// placeholder (and refuses any other text for a confidential meeting, judged on its own state).
import { confidentialTextRefusal, holdsSecretTexts, meetingSecretTexts, textsOutsideCoffre } from '../../shared/confidential-texts';
import { contract, type ChannelName } from '../../shared/contract';
import type { CaptureResult, MeetingDetail } from '../../shared/contract/meetings';
import { team } from '../../shared/i18n/team';
import type { Meeting } from '../../shared/model';
import type { MeetingTexts } from '../../shared/protected-model';
import { DomainError, fail, ok, type Result } from '../../shared/result';
import { logError } from '../log';
import { assertNotLocked, getItem } from '../services/meetings/common';
import { revealTexts, writeTexts } from '../services/meetings/texts';
import type { ProtectedAccess } from '../vault/types';
import { HANDOVER_HEADER, handoverValue } from './handover';

export interface ConfidentialRouteDeps {
  /** This computer's coffre (the local protected store), whatever its state. */
  vault(): ProtectedAccess | undefined;
  now(): Date;
  /** Only the coordinator's desktop keeps texts in a coffre; a colleague's desktop is refused as a browser is. */
  isCoordinator(): boolean;
  /** The meeting as the server last showed it here (undefined when not shown since connecting). */
  shown(id: string): Meeting | undefined;
  /** The meeting as the server shows it now (undefined when unreachable or refused). */
  fetch(id: string): Promise<Meeting | undefined>;
  /** Sends one channel to the server (the client's usual path), with extra headers. */
  send(channel: ChannelName, payload: unknown, headers?: Record<string, string>): Promise<Result<unknown>>;
}

/** The writes whose text the coffre can keep (follow-up comments and chair notes have no place there: still refused). */
const TEXT_CHANNELS = new Set<string>(['meetings:saveNotes', 'meetings:capture', 'meetings:updateDecision', 'meetings:update']);

const asDomain = (e: unknown): Result<never> => {
  if (e instanceof DomainError) return fail(e.code, e.message, e.field);
  throw e;
};

/** The server's refusal of a confidential meeting's text (the meeting became confidential after it was shown here). */
export function isConfidentialRefusal(r: Result<unknown>): boolean {
  return !r.ok && r.error.code === 'forbidden' && (r.error.message === team.errors.confidentialNotes || r.error.message === team.errors.confidentialTexts);
}

export class ConfidentialRoute {
  constructor(private readonly deps: ConfidentialRouteDeps) {}

  /**
   * What happens to a write that may carry a confidential meeting's text: routed to the coffre (below), or refused where
   * no coffre can take it (a colleague's desktop; chair notes and follow-up comments), or undefined — forwarded as usual.
   */
  async handle(channel: string, payload: unknown): Promise<Result<unknown> | undefined> {
    const routed = await this.route(channel, payload);
    if (routed) return routed;
    const secretText = confidentialTextRefusal(channel, payload, { meeting: (id) => this.deps.shown(id)?.confidentiality });
    return secretText ? fail('forbidden', secretText) : undefined;
  }

  /**
   * Runs a write of the coordinator's desktop that carries texts of a confidential meeting: texts into the coffre, the
   * rest to the server. Undefined when the write carries no such text (the client forwards it as usual); `fresh` asks
   * the server for the meeting's confidentiality instead of trusting what it showed last.
   */
  async route(channel: string, payload: unknown, fresh = false): Promise<Result<unknown> | undefined> {
    if (!TEXT_CHANNELS.has(channel) || !this.deps.isCoordinator()) return undefined;
    const parsed = contract[channel as ChannelName].input.safeParse(payload);
    if (!parsed.success) return undefined; // the server answers the invalid input
    try {
      if (channel === 'meetings:update') return await this.update(parsed.data as UpdateInput, fresh);
      const input = parsed.data as { meetingId: string; text?: string };
      if (channel === 'meetings:updateDecision' && !input.text?.trim()) return undefined; // no text, or an empty one the server refuses
      const meeting = await this.confidentialMeeting(input.meetingId, fresh);
      if (!meeting) return undefined;
      if (channel === 'meetings:saveNotes') return await this.saveNotes(meeting, parsed.data as NotesInput);
      if (channel === 'meetings:capture') return await this.capture(meeting, parsed.data as { meetingId: string; text: string });
      return await this.updateDecision(meeting, parsed.data as DecisionInput);
    } catch (e) {
      return asDomain(e);
    }
  }

  /** The coffre's texts put back into a server answer (as local mode does); a locked coffre is said on the meeting. */
  reveal<T>(channel: string, value: T): T {
    if (!channel.startsWith('meetings:') || !this.deps.isCoordinator()) return value;
    const vault = this.deps.vault();
    if (!vault || vault.state === 'absent') return value;
    if (vault.state !== 'unlocked') {
      const detail = value as Partial<MeetingDetail> | undefined;
      return channel === 'meetings:get' && detail?.meeting?.confidentiality === 'confidential' ? ({ ...detail, textsLocked: true } as T) : value;
    }
    return revealTexts({ vault }, value);
  }

  /** The meeting when it is confidential (fetched when not shown since connecting), undefined otherwise. */
  private async confidentialMeeting(id: string, fresh: boolean): Promise<Meeting | undefined> {
    const meeting = (!fresh && this.deps.shown(id)) || (await this.deps.fetch(id));
    return meeting?.confidentiality === 'confidential' ? meeting : undefined;
  }

  /** The coffre, unlocked; otherwise a French refusal (nothing is sent to the server). */
  private coffre(): ProtectedAccess {
    const vault = this.deps.vault();
    if (!vault || vault.state === 'absent') throw new DomainError('locked', team.desktop.errors.coffreAbsent);
    if (vault.state !== 'unlocked') throw new DomainError('locked', team.desktop.errors.coffreLocked);
    return vault;
  }

  private write(meeting: Pick<Meeting, 'id' | 'date'>, change: (t: MeetingTexts) => void): Promise<void> {
    return writeTexts({ vault: this.coffre(), now: this.deps.now }, meeting, change);
  }

  /** Séance notes: the coffre only, as in local mode (the server learns nothing; works without the connection too). */
  private async saveNotes(meeting: Meeting, input: NotesInput): Promise<Result<unknown>> {
    this.coffre();
    assertNotLocked(meeting);
    if (input.agendaItemId) getItem(meeting, input.agendaItemId);
    await this.write(meeting, (t) => {
      if (input.agendaItemId) t.agendaNotes[input.agendaItemId] = input.notes;
      else t.generalNotes = input.notes;
    });
    return ok({ savedAt: this.deps.now().toISOString() });
  }

  /** A decision or action: the server records it with the placeholder, then its text goes to the coffre under its id. */
  private async capture(meeting: Meeting, input: { meetingId: string; text: string }): Promise<Result<unknown>> {
    this.coffre();
    const sent = await this.deps.send('meetings:capture', { ...input, text: team.confidentialPlaceholder });
    if (!sent.ok) return sent;
    const result = sent.value as CaptureResult;
    try {
      await this.write(meeting, (t) => void (t.decisionTexts[result.decision.id] = input.text.trim()));
    } catch (e) {
      // The text could not be kept: the decision the server recorded is taken back, so nothing exists without its text.
      const undo = await this.deps.send('meetings:deleteDecision', { meetingId: meeting.id, decisionId: result.decision.id });
      if (!undo.ok) logError('team.captureUndoFailed', { reason: undo.error.message });
      return asDomain(e);
    }
    return ok(this.reveal('meetings:capture', result));
  }

  /** A decision's new text: the server checks and records the rest of the change, the text goes to the coffre. */
  private async updateDecision(meeting: Meeting, input: DecisionInput): Promise<Result<unknown>> {
    this.coffre();
    const { text, ...rest } = input;
    const sent = await this.deps.send('meetings:updateDecision', rest);
    if (!sent.ok) return sent;
    await this.write(meeting, (t) => void (t.decisionTexts[input.decisionId] = text!.trim()));
    return ok(this.reveal('meetings:updateDecision', sent.value));
  }

  /** General notes of a confidential meeting to the coffre; a meeting made confidential hands its texts over first. */
  private async update(input: UpdateInput, fresh: boolean): Promise<Result<unknown> | undefined> {
    const { generalNotes, ...patch } = input.patch;
    if (input.patch.confidentiality === 'confidential') {
      const current = await this.deps.fetch(input.id);
      if (current && current.confidentiality !== 'confidential') return this.becomeConfidential(current, input);
    } else if (input.patch.confidentiality !== undefined) {
      const current = await this.deps.fetch(input.id);
      if (current?.confidentiality === 'confidential') return this.becomeOrdinary(current, input);
    }
    if (generalNotes === undefined) return undefined;
    const meeting = await this.confidentialMeeting(input.id, fresh);
    if (!meeting) return undefined;
    this.coffre();
    const sent = await this.deps.send('meetings:update', { id: input.id, patch });
    if (!sent.ok) return sent;
    await this.write(meeting, (t) => void (t.generalNotes = generalNotes));
    return ok(this.reveal('meetings:update', sent.value));
  }

  /**
   * The meeting's texts (and the patch's general notes) go into the coffre, then the switch is sent with their digest:
   * the server clears its copy in the same transaction, or refuses (texts changed meanwhile) — the coffre is then put back.
   */
  private async becomeConfidential(meeting: Meeting, input: UpdateInput): Promise<Result<unknown>> {
    if (textsOutsideCoffre(meeting)) return fail('forbidden', team.errors.switchOutsideCoffre);
    const texts = meetingSecretTexts(meeting);
    const { generalNotes, ...patch } = input.patch;
    const toKeep = holdsSecretTexts(texts) || Boolean(generalNotes);
    let before: MeetingTexts | undefined;
    if (toKeep) {
      const vault = this.coffre();
      assertNotLocked(meeting);
      before = vault.read().meetingTexts.find((m) => m.meetingId === meeting.id);
      await this.write(meeting, (t) => {
        t.generalNotes = generalNotes ?? texts.generalNotes;
        Object.assign(t.agendaNotes, texts.agendaNotes);
        Object.assign(t.decisionTexts, texts.decisionTexts);
      });
    }
    const sent = await this.deps.send('meetings:update', { id: meeting.id, patch }, { [HANDOVER_HEADER]: handoverValue(meeting.id, texts) });
    if (!sent.ok) {
      if (toKeep) await this.putBack(meeting.id, before);
      return sent;
    }
    return ok(this.reveal('meetings:update', sent.value));
  }

  /**
   * No longer confidential (the server allows it before the séance only): the coffre's texts go back to the server,
   * as local mode puts them back in clspd.json — the general notes with the switch, then each item's notes and each
   * decision's text; the coffre's entry is removed once all are on the server (kept if one is refused, nothing lost).
   */
  private async becomeOrdinary(meeting: Meeting, input: UpdateInput): Promise<Result<unknown> | undefined> {
    const vault = this.deps.vault();
    if (!vault || vault.state === 'absent') return undefined; // no coffre, no texts to give back
    const entry = this.coffre().read().meetingTexts.find((m) => m.meetingId === meeting.id);
    if (!entry) return undefined;
    const sent = await this.deps.send('meetings:update', { id: meeting.id, patch: { ...input.patch, generalNotes: input.patch.generalNotes ?? entry.generalNotes } });
    if (!sent.ok) return sent;
    const items = new Set(meeting.agenda.map((i) => i.id));
    const decisions = new Set(meeting.decisions.map((d) => d.id));
    const back: [ChannelName, unknown][] = [
      ...Object.entries(entry.agendaNotes).filter(([id]) => items.has(id)).map(([agendaItemId, notes]): [ChannelName, unknown] => ['meetings:saveNotes', { meetingId: meeting.id, agendaItemId, notes }]),
      ...Object.entries(entry.decisionTexts).filter(([id]) => decisions.has(id)).map(([decisionId, text]): [ChannelName, unknown] => ['meetings:updateDecision', { meetingId: meeting.id, decisionId, text }]),
    ];
    for (const [channel, payload] of back) {
      const r = await this.deps.send(channel, payload);
      if (!r.ok) return r;
    }
    await this.coffre().update((d) => void (d.meetingTexts = d.meetingTexts.filter((m) => m.meetingId !== meeting.id)));
    const now = await this.deps.fetch(meeting.id);
    return ok(now ?? sent.value);
  }

  /** The coffre's entry for a meeting as it was before a refused switch. */
  private async putBack(meetingId: string, before: MeetingTexts | undefined): Promise<void> {
    try {
      await this.coffre().update((d) => {
        d.meetingTexts = d.meetingTexts.filter((m) => m.meetingId !== meetingId);
        if (before) d.meetingTexts.push(before);
      });
    } catch (e) {
      logError('team.coffrePutBackFailed', { reason: (e as Error).message });
    }
  }
}

interface NotesInput {
  meetingId: string;
  agendaItemId?: string;
  notes: string;
}
interface DecisionInput {
  meetingId: string;
  decisionId: string;
  text?: string;
}
interface UpdateInput {
  id: string;
  patch: { generalNotes?: string; confidentiality?: string } & Record<string, unknown>;
}
