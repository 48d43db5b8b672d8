// Texts of confidential meetings (notes, general notes, decision texts) live in the protected store: reading them back into results, writing them.
import { isPlaceholderText } from '../../../shared/confidential-texts';
import { vault as tv } from '../../../shared/i18n/vault';
import { team } from '../../../shared/i18n/team';
import type { Decision, Meeting } from '../../../shared/model';
import type { MeetingTexts, ProtectedData } from '../../../shared/protected-model';
import { DomainError } from '../../../shared/result';
import type { ProtectedAccess } from '../../vault/types';
import type { ServiceContext } from '../context';

/** What reading the texts needs: only the vault (the CLI's read-only commands have no full context). */
export type VaultHolder = Pick<ServiceContext, 'vault'>;

/**
 * True when this meeting's texts belong in the protected store. Without a vault (team server, tests of
 * other features) texts stay in the main document as before.
 */
export function protects(ctx: VaultHolder, meeting: Pick<Meeting, 'confidentiality'>): boolean {
  return ctx.vault !== undefined && meeting.confidentiality === 'confidential';
}

/** The vault, unlocked, or a French « verrouillé » refusal (nothing is written). */
export function openVault(ctx: VaultHolder): ProtectedAccess {
  const v = ctx.vault;
  if (!v || v.state !== 'unlocked') throw new DomainError('locked', v?.state === 'absent' ? tv.errors.absent : tv.errors.locked);
  return v;
}

/** The texts of one meeting held in the vault (undefined when locked or none). */
export function vaultTexts(ctx: VaultHolder, meetingId: string): MeetingTexts | undefined {
  if (!ctx.vault || ctx.vault.state !== 'unlocked') return undefined;
  return ctx.vault.read().meetingTexts.find((m) => m.meetingId === meetingId);
}

/** The notes of an agenda item wherever they live (refused in French when they are behind the lock). */
export function itemNotes(ctx: VaultHolder, meeting: Meeting, itemId: string): string {
  const inline = meeting.agenda.find((i) => i.id === itemId)?.notes ?? '';
  if (!protects(ctx, meeting)) return inline;
  openVault(ctx);
  return vaultTexts(ctx, meeting.id)?.agendaNotes[itemId] ?? inline;
}

/** State of a meeting's texts for the screens: in clear, readable from the unlocked vault, or behind the lock. */
export function textsLocked(ctx: VaultHolder, meeting: Pick<Meeting, 'confidentiality'>): boolean {
  return protects(ctx, meeting) && ctx.vault!.state !== 'unlocked';
}

/** Changes one meeting's entry in the vault (created when missing), durably. */
export async function writeTexts(ctx: Pick<ServiceContext, 'vault' | 'now'>, meeting: Pick<Meeting, 'id' | 'date'>, change: (texts: MeetingTexts) => void): Promise<void> {
  const v = openVault(ctx);
  const at = ctx.now().toISOString();
  await v.update((d) => {
    let entry = d.meetingTexts.find((m) => m.meetingId === meeting.id);
    if (!entry) {
      entry = { meetingId: meeting.id, meetingDate: meeting.date, generalNotes: '', agendaNotes: {}, decisionTexts: {}, updatedAt: at };
      d.meetingTexts.push(entry);
    }
    change(entry);
    entry.meetingDate = meeting.date;
    entry.updatedAt = at;
  });
}

interface TextIndex {
  meetings: Map<string, MeetingTexts>;
  decisions: Map<string, string>;
  /** Decision id → follow-up comment (team mode; a later meeting's comment wins). */
  comments: Map<string, string>;
  /** Plan action id → title of an action decided in a confidential meeting (team mode). */
  actionTitles: Map<string, string>;
}
const indexes = new WeakMap<ProtectedData, TextIndex>();

function indexOf(data: ProtectedData): TextIndex {
  let idx = indexes.get(data);
  if (!idx) {
    idx = { meetings: new Map(), decisions: new Map(), comments: new Map(), actionTitles: new Map() };
    const byDate = [...data.meetingTexts].sort((a, b) => a.meetingDate.localeCompare(b.meetingDate));
    for (const m of byDate) {
      idx.meetings.set(m.meetingId, m);
      for (const [id, text] of Object.entries(m.decisionTexts)) idx.decisions.set(id, text);
      for (const [id, text] of Object.entries(m.followUpComments ?? {})) idx.comments.set(id, text);
      for (const [id, text] of Object.entries(m.actionTitles ?? {})) idx.actionTitles.set(id, text);
    }
    indexes.set(data, idx);
  }
  return idx;
}

/** A copy of `meeting` with its texts from the vault (the meeting itself when there is nothing to add). */
export function withTexts(ctx: VaultHolder, meeting: Meeting): Meeting {
  if (!protects(ctx, meeting)) return meeting;
  const t = vaultTexts(ctx, meeting.id);
  return t ? overlay(meeting, t) : meeting;
}

/** The coffre's texts on the empty fields of `meeting` (a text present in the meeting is never replaced). */
function overlay(meeting: Meeting, t: MeetingTexts): Meeting {
  const chair = t.chairNotes ?? {};
  return {
    ...meeting,
    generalNotes: meeting.generalNotes || t.generalNotes,
    agenda: meeting.agenda.map((i) => {
      const notes = t.agendaNotes[i.id] && !i.notes ? t.agendaNotes[i.id] : undefined;
      const chairNotes = chair[i.id] && !i.chairNotes ? chair[i.id] : undefined;
      return notes === undefined && chairNotes === undefined ? i : { ...i, ...(notes !== undefined ? { notes } : {}), ...(chairNotes !== undefined ? { chairNotes } : {}) };
    }),
    decisions: meeting.decisions.map((d) => (t.decisionTexts[d.id] && isPlaceholderText(d.text) ? { ...d, text: t.decisionTexts[d.id] } : d)),
  };
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Uint8Array);
const looksLikeMeeting = (o: Obj) => typeof o.id === 'string' && typeof o.confidentiality === 'string' && Array.isArray(o.agenda) && Array.isArray(o.decisions);
const looksLikeDecision = (o: Obj) => typeof o.id === 'string' && typeof o.text === 'string' && (o.kind === 'decision' || o.kind === 'action') && typeof o.createdAt === 'string';
/** A plan action or its summary in a row (`{ id, code, title }`) whose title is the team server's placeholder. */
const looksLikePlaceholderAction = (o: Obj) => typeof o.id === 'string' && typeof o.code === 'string' && o.title === team.confidentialPlaceholder;

/** Decision fields the coffre fills: its text (when the placeholder or empty) and its follow-up comment (when none). */
function decisionOverlay(idx: TextIndex, v: Obj): Obj {
  const text = isPlaceholderText(v.text as string) ? idx.decisions.get(v.id as string) : undefined;
  const comment = !v.followUpComment ? idx.comments.get(v.id as string) : undefined;
  return text || comment ? { ...v, ...(text ? { text } : {}), ...(comment ? { followUpComment: comment } : {}) } : v;
}

export interface RevealOptions {
  /**
   * Also overlay a meeting that is no longer confidential but still has an entry in the coffre (team mode: texts not yet
   * given back to the server after the meeting was made public), so that they are shown, not hidden.
   */
  pendingGiveBack?: boolean;
}

/**
 * Puts the vault's texts back into a service result (meetings, decisions and, in team mode, the titles of actions
 * decided in a confidential meeting, wherever they appear), when the vault is unlocked. Never changes the stored
 * objects: what differs is copied.
 */
export function revealTexts<T>(ctx: VaultHolder, value: T, options: RevealOptions = {}): T {
  if (!ctx.vault || ctx.vault.state !== 'unlocked') return value;
  const idx = indexOf(ctx.vault.read());
  if (!idx.meetings.size) return value;
  const walk = (v: unknown, depth: number): unknown => {
    if (depth > 6) return v;
    if (Array.isArray(v)) {
      let out: unknown[] | undefined;
      v.forEach((x, i) => {
        const y = walk(x, depth + 1);
        if (y !== x) (out ??= v.slice())[i] = y;
      });
      return out ?? v;
    }
    if (!isObj(v)) return v;
    if (looksLikeMeeting(v)) {
      const t = v.confidentiality === 'confidential' || options.pendingGiveBack ? idx.meetings.get(v.id as string) : undefined;
      const m = t ? overlay(v as unknown as Meeting, t) : (v as unknown as Meeting);
      // Follow-up comments are keyed by decision, wherever the comment was typed.
      const decisions = idx.comments.size ? m.decisions.map((d) => decisionOverlay(idx, d as unknown as Obj) as unknown as Decision) : m.decisions;
      return decisions.some((d, i) => d !== m.decisions[i]) ? { ...m, decisions } : m;
    }
    if (looksLikeDecision(v)) return decisionOverlay(idx, v);
    const title = looksLikePlaceholderAction(v) ? idx.actionTitles.get(v.id as string) : undefined;
    let out: Obj | undefined = title ? { ...v, title } : undefined;
    for (const [k, x] of Object.entries(v)) {
      const y = walk(x, depth + 1);
      if (y !== x) (out ??= { ...v })[k] = y;
    }
    return out ?? v;
  };
  return walk(value, 0) as T;
}
