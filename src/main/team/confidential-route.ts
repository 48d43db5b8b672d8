// The coordinator's desktop in team mode, in a confidential meeting: the texts go to this computer's coffre, the rest to the server.
//
// Where the split happens: here, on the coordinator's computer, before anything is sent. What counts as a confidential
// text is `meetingSecretTexts` (src/shared/confidential-texts.ts), the definition local mode, `server import` and the
// server use too; the coffre entries are written by the same `writeTexts` local mode uses, keyed by the same meeting,
// agenda item, decision and action ids, and read back into answers by the same `revealTexts`. The server only ever gets
// the « décision prise » placeholder (and refuses any other text for a confidential meeting, judged on its own state).
import { confidentialTextRefusal } from '../../shared/confidential-texts';
import { contract, type ChannelName } from '../../shared/contract';
import type { GeneratedInfo } from '../../shared/contract/documents';
import type { CaptureResult, MeetingDetail } from '../../shared/contract/meetings';
import { team } from '../../shared/i18n/team';
import type { Meeting } from '../../shared/model';
import { fail, ok, type Result } from '../../shared/result';
import type { GeneratedDocument } from '../documents/data';
import { logError } from '../log';
import { assertNotLocked, getItem } from '../services/meetings/common';
import { revealTexts } from '../services/meetings/texts';
import type { ProtectedAccess } from '../vault/types';
import { asDomain, CoffreWriter } from './coffre-writer';
import { confidentialMinutes } from './confidential-minutes';
import { SideTexts } from './confidential-side-texts';
import { ConfidentialSwitch, type SwitchInput } from './confidential-switch';

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
  /** Keeps a PDF made on this computer under a local token, as a downloaded one. */
  keepDocument(doc: GeneratedDocument): GeneratedInfo;
}

/** The writes whose text the coffre keeps (an action's title: one decided in a confidential meeting), and the relevé de décisions made here with its texts. */
const ROUTED = new Set<string>([
  'meetings:saveNotes',
  'meetings:capture',
  'meetings:updateDecision',
  'meetings:update',
  'meetings:addAgendaItem',
  'meetings:updateAgendaItem',
  'meetings:updateFollowUp',
  'documents:minutes',
  'actions:update',
]);

/** The server's refusal of a confidential meeting's text (the meeting became confidential after it was shown here). */
export function isConfidentialRefusal(r: Result<unknown>): boolean {
  return !r.ok && r.error.code === 'forbidden' && (r.error.message === team.errors.confidentialNotes || r.error.message === team.errors.confidentialTexts);
}

type Fields = Record<string, unknown>;
const typedText = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';

export class ConfidentialRoute {
  private readonly coffre: CoffreWriter;
  private readonly switcher: ConfidentialSwitch;
  private readonly side: SideTexts;

  constructor(private readonly deps: ConfidentialRouteDeps) {
    this.coffre = new CoffreWriter(deps);
    this.switcher = new ConfidentialSwitch(this.coffre, deps);
    this.side = new SideTexts(this.coffre, deps);
  }

  /**
   * What happens to a write that may carry a confidential meeting's text: routed to the coffre (below), or refused where
   * no coffre can take it (a colleague's desktop), or undefined — forwarded as usual.
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
    if (!ROUTED.has(channel) || !this.deps.isCoordinator()) return undefined;
    const parsed = contract[channel as ChannelName].input.safeParse(payload);
    if (!parsed.success) return undefined; // the server answers the invalid input
    const input = parsed.data as Fields & { meetingId: string };
    try {
      if (channel === 'meetings:update') return await this.update(parsed.data as SwitchInput, fresh);
      if (channel === 'actions:update') return await this.side.actionTitle(parsed.data as { id: string; patch: Fields }, (v) => this.reveal(channel, v));
      if (channel === 'documents:minutes') return await confidentialMinutes(this.coffre, { ...this.deps, keep: this.deps.keepDocument }, input.meetingId);
      const text = this.textOf(channel, input, payload as Fields);
      if (text === undefined) return undefined;
      const meeting = await this.confidentialMeeting(input.meetingId, fresh);
      if (channel === 'meetings:updateFollowUp') return await this.followUp(meeting, input, text);
      if (!meeting) return undefined;
      switch (channel) {
        case 'meetings:saveNotes':
          return await this.saveNotes(meeting, parsed.data as NotesInput);
        case 'meetings:capture':
          return await this.capture(meeting, parsed.data as { meetingId: string; kind: string; text: string });
        case 'meetings:addAgendaItem':
          return this.revealed(channel, await this.side.addItem(meeting, payload as { meetingId: string; item: Fields }, text));
        case 'meetings:updateAgendaItem':
          return this.revealed(channel, await this.side.updateItem(meeting, payload as { meetingId: string; agendaItemId: string; patch: Fields }, text));
        default:
          return await this.updateDecision(meeting, parsed.data as DecisionInput);
      }
    } catch (e) {
      return asDomain(e);
    }
  }

  /** The text a write would carry to the coffre (undefined: none, forwarded as usual). */
  private textOf(channel: string, input: Fields, raw: Fields): string | undefined {
    if (channel === 'meetings:saveNotes') return String(input.notes);
    if (channel === 'meetings:capture' || channel === 'meetings:updateDecision') return typedText(input.text) ? input.text : undefined;
    if (channel === 'meetings:updateFollowUp') return typedText(input.comment) ? input.comment : undefined;
    // Chair notes: typed in a new point; typed or cleared ('') in a change (the coffre's copy goes too).
    const item = (channel === 'meetings:addAgendaItem' ? raw.item : raw.patch) as Fields | undefined;
    const notes = item?.chairNotes;
    return typeof notes === 'string' && (channel === 'meetings:updateAgendaItem' || notes.trim() !== '') ? notes : undefined;
  }

  /**
   * The coffre's texts put back into a server answer (as local mode does), including those of a meeting made public
   * whose texts are not all given back yet; a locked coffre is said on a confidential meeting.
   */
  reveal<T>(channel: string, value: T): T {
    if (!this.deps.isCoordinator()) return value;
    const vault = this.deps.vault();
    if (!vault || vault.state === 'absent') return value;
    if (vault.state !== 'unlocked') {
      const detail = value as Partial<MeetingDetail> | undefined;
      return channel === 'meetings:get' && detail?.meeting?.confidentiality === 'confidential' ? ({ ...detail, textsLocked: true } as T) : value;
    }
    return revealTexts({ vault }, value, { pendingGiveBack: true });
  }

  /**
   * A server answer as this desktop shows it: a meeting made public whose texts could not all be given back (a write
   * refused halfway) gets them sent again when it is opened — then shown as the server now has them.
   */
  async settle<T>(channel: string, payload: unknown, value: T): Promise<T> {
    const meeting = channel === 'meetings:get' ? (value as Partial<MeetingDetail>).meeting : undefined;
    if (meeting && meeting.confidentiality !== 'confidential' && this.deps.isCoordinator() && this.coffreEntry(meeting.id)) {
      const report = await this.switcher.giveBack(meeting.id).catch((e: unknown) => void logError('team.giveBackFailed', { reason: (e as Error).message }));
      const pending = (v: unknown): T => (report?.remaining ? ({ ...(v as MeetingDetail), textsToGiveBack: report.remaining } as T) : (v as T));
      if (report?.given) {
        const again = await this.deps.send('meetings:get', payload);
        if (again.ok) return this.reveal(channel, pending(again.value));
      }
      return this.reveal(channel, pending(value));
    }
    return this.reveal(channel, value);
  }

  private coffreEntry(meetingId: string): boolean {
    return this.coffre.entry(meetingId) !== undefined;
  }

  private revealed(channel: string, r: Result<unknown>): Result<unknown> {
    return r.ok ? ok(this.reveal(channel, r.value)) : r;
  }

  /** The meeting when it is confidential (fetched when not shown since connecting), undefined otherwise. */
  private async confidentialMeeting(id: string, fresh: boolean): Promise<Meeting | undefined> {
    const meeting = (!fresh && this.deps.shown(id)) || (await this.deps.fetch(id));
    return meeting?.confidentiality === 'confidential' ? meeting : undefined;
  }

  /** Séance notes: the coffre only, as in local mode (the server learns nothing; works without the connection too). */
  private async saveNotes(meeting: Meeting, input: NotesInput): Promise<Result<unknown>> {
    this.coffre.open();
    assertNotLocked(meeting);
    if (input.agendaItemId) getItem(meeting, input.agendaItemId);
    await this.coffre.write(meeting, (t) => {
      if (input.agendaItemId) t.agendaNotes[input.agendaItemId] = input.notes;
      else t.generalNotes = input.notes;
    });
    return ok({ savedAt: this.deps.now().toISOString() });
  }

  /**
   * A decision or action: the server records it with the placeholder (an action's title too), then its text goes to the
   * coffre under the decision's id — and, for an action, under the action's id, so the plan shows its title here.
   */
  private async capture(meeting: Meeting, input: { meetingId: string; kind: string; text: string }): Promise<Result<unknown>> {
    this.coffre.open();
    const sent = await this.deps.send('meetings:capture', { ...input, text: team.confidentialPlaceholder });
    if (!sent.ok) return sent;
    const result = sent.value as CaptureResult;
    const text = input.text.trim();
    try {
      await this.coffre.write(meeting, (t) => {
        t.decisionTexts[result.decision.id] = text;
        if (input.kind === 'action' && result.action) (t.actionTitles ??= {})[result.action.id] = text;
      });
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
    this.coffre.open();
    const { text, ...rest } = input;
    const sent = await this.deps.send('meetings:updateDecision', rest);
    if (!sent.ok) return sent;
    await this.coffre.write(meeting, (t) => void (t.decisionTexts[input.decisionId] = text!.trim()));
    return ok(this.reveal('meetings:updateDecision', sent.value));
  }

  /** A follow-up comment in a confidential meeting, or on a decision taken in one: to the coffre, the rest to the server. */
  private async followUp(confidential: Meeting | undefined, input: Fields & { meetingId: string }, comment: string): Promise<Result<unknown> | undefined> {
    const decisionId = String(input.decisionId);
    const meeting = confidential ?? ((await this.side.decisionIsConfidential(input.meetingId, decisionId)) ? await this.deps.fetch(input.meetingId) : undefined);
    if (!meeting) return undefined;
    return this.revealed('meetings:updateFollowUp', await this.side.followUp(meeting, { ...input, decisionId }, comment));
  }

  /** General notes of a confidential meeting to the coffre; a meeting changing confidentiality moves its texts first. */
  private async update(input: SwitchInput, fresh: boolean): Promise<Result<unknown> | undefined> {
    const { generalNotes, ...patch } = input.patch;
    if (input.patch.confidentiality === 'confidential') {
      const current = await this.deps.fetch(input.id);
      if (current && current.confidentiality !== 'confidential') return this.switcher.becomeConfidential(current, input, (v) => this.reveal('meetings:update', v));
    } else if (input.patch.confidentiality !== undefined) {
      const current = await this.deps.fetch(input.id);
      if (current?.confidentiality === 'confidential') return this.switcher.becomeOrdinary(current, input);
    }
    if (generalNotes === undefined) return undefined;
    const meeting = await this.confidentialMeeting(input.id, fresh);
    if (!meeting) return undefined;
    this.coffre.open();
    const sent = await this.deps.send('meetings:update', { id: input.id, patch });
    if (!sent.ok) return sent;
    await this.coffre.write(meeting, (t) => void (t.generalNotes = generalNotes));
    return ok(this.reveal('meetings:update', sent.value));
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

/** What the team client gives the route: its coffre, its last answers and its way to the server. */
export interface RouteHost extends Pick<ConfidentialRouteDeps, 'vault' | 'now' | 'isCoordinator' | 'keepDocument'> {
  /** The meeting page as the server last showed it here. */
  shownDetail(id: string): MeetingDetail | undefined;
  forward(channel: ChannelName, payload: unknown, headers?: Record<string, string>): Promise<Result<unknown>>;
}

export function coffreRoute(host: RouteHost): ConfidentialRoute {
  return new ConfidentialRoute({
    ...host,
    shown: (id) => host.shownDetail(id)?.meeting,
    fetch: async (id) => {
      const r = await host.forward('meetings:get', { id });
      return r.ok ? (r.value as MeetingDetail).meeting : undefined;
    },
    send: host.forward,
  });
}
