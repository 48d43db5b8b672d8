// Chair notes, follow-up comments and action titles of a confidential meeting on the coordinator's desktop in team mode: kept in the coffre, the rest sent.
import type { ChannelName } from '../../shared/contract';
import type { FollowUpRow } from '../../shared/contract/meetings';
import type { ActionDetail } from '../../shared/contract/strategy';
import { strategy } from '../../shared/i18n/strategy';
import { team } from '../../shared/i18n/team';
import type { Meeting } from '../../shared/model';
import { fail, ok, type Result } from '../../shared/result';
import { logError } from '../log';
import { asDomain, type CoffreWriter } from './coffre-writer';

export interface SideTextDeps {
  /** The meeting as the server shows it now (undefined when unreachable or refused). */
  fetch(id: string): Promise<Meeting | undefined>;
  send(channel: ChannelName, payload: unknown): Promise<Result<unknown>>;
}

interface AddItemInput {
  meetingId: string;
  item: Record<string, unknown>;
  afterId?: string;
}
interface UpdateItemInput {
  meetingId: string;
  agendaItemId: string;
  patch: Record<string, unknown>;
}
interface ActionTitleInput {
  id: string;
  patch: Record<string, unknown>;
}
interface FollowUpInput {
  meetingId: string;
  decisionId: string;
  comment?: string;
}

export class SideTexts {
  constructor(
    private readonly coffre: CoffreWriter,
    private readonly deps: SideTextDeps,
  ) {}

  /** A new agenda point with chair notes: the server gets the point, the notes go to the coffre under its id. */
  async addItem(meeting: Meeting, input: AddItemInput, chairNotes: string): Promise<Result<unknown>> {
    this.coffre.open();
    const { chairNotes: _kept, ...item } = input.item;
    const sent = await this.deps.send('meetings:addAgendaItem', { ...input, item });
    if (!sent.ok) return sent;
    const m = sent.value as Meeting;
    // The service puts the point right after `afterId`, or last: the answer is the meeting as this request left it.
    const added = m.agenda[input.afterId ? m.agenda.findIndex((i) => i.id === input.afterId) + 1 : m.agenda.length - 1];
    if (!added) return sent;
    try {
      await this.coffre.write(meeting, (t) => void ((t.chairNotes ??= {})[added.id] = chairNotes.trim()));
    } catch (e) {
      // The notes could not be kept: the point the server added is taken back, so nothing exists without its notes.
      const undo = await this.deps.send('meetings:deleteAgendaItem', { meetingId: meeting.id, agendaItemId: added.id });
      if (!undo.ok) logError('team.agendaUndoFailed', { reason: undo.error.message });
      return asDomain(e);
    }
    return sent;
  }

  /** Chair notes changed (or cleared): the rest of the change to the server, the notes to the coffre. */
  async updateItem(meeting: Meeting, input: UpdateItemInput, chairNotes: string): Promise<Result<unknown>> {
    this.coffre.open();
    const { chairNotes: _kept, ...patch } = input.patch;
    const sent = await this.deps.send('meetings:updateAgendaItem', { ...input, patch });
    if (!sent.ok) return sent;
    const text = chairNotes.trim();
    await this.coffre.write(meeting, (t) => {
      if (text) (t.chairNotes ??= {})[input.agendaItemId] = text;
      else delete t.chairNotes?.[input.agendaItemId];
    });
    return sent;
  }

  /**
   * A follow-up comment: the status change goes to the server, the comment to the coffre, in the entry of the meeting where
   * it is typed (the decision it comments may have been taken in an earlier meeting).
   */
  async followUp(meeting: Meeting, input: FollowUpInput, comment: string): Promise<Result<unknown>> {
    this.coffre.open();
    const { comment: _kept, ...rest } = input;
    const sent = await this.deps.send('meetings:updateFollowUp', rest);
    if (!sent.ok) return sent;
    await this.coffre.write(meeting, (t) => void ((t.followUpComments ??= {})[input.decisionId] = comment.trim()));
    return ok(sent.value);
  }

  /**
   * A new title for a plan action decided in a confidential meeting (its title is in the coffre): the title goes to the
   * coffre, the rest of the change to the server. Coffre locked: refused in French, nothing sent. Undefined when the
   * change carries no title, or the action's title is not the coffre's (forwarded as usual; the server judges).
   */
  async actionTitle(input: ActionTitleInput, reveal: (v: unknown) => unknown): Promise<Result<unknown> | undefined> {
    const { title, ...patch } = input.patch;
    if (typeof title !== 'string' || title.trim() === '' || title === team.confidentialPlaceholder || !this.coffre.exists()) return undefined;
    const entry = this.coffre.actionEntry(input.id);
    if (!entry) {
      // Locked: the server's placeholder title says the action's title is in the coffre.
      if (this.coffre.isOpen()) return undefined;
      const shown = await this.deps.send('actions:get', { id: input.id });
      if (shown.ok && (shown.value as ActionDetail).action.title === team.confidentialPlaceholder) this.coffre.open();
      return undefined;
    }
    this.coffre.open();
    const meeting = { id: entry.meetingId, date: entry.meetingDate };
    const keep = (): Promise<void> => this.coffre.write(meeting, (t) => void ((t.actionTitles ??= {})[input.id] = title.trim()));
    if (Object.keys(patch).length === 0) {
      // Only the title: nothing to write on the server; the answer is the action as the service gives it back.
      const shown = await this.deps.send('actions:get', { id: input.id });
      if (!shown.ok) return shown;
      const detail = shown.value as ActionDetail;
      // As the service: an action of a closed period is not changed (its fiche is then read from the archive).
      if (detail.readOnly) return fail('forbidden', strategy.errors.periodClosed);
      await keep();
      return ok(reveal(detail.action));
    }
    const sent = await this.deps.send('actions:update', { id: input.id, patch });
    if (!sent.ok) return sent;
    await keep();
    return ok(reveal(sent.value));
  }

  /** True when the decision a follow-up comments on was taken in a confidential meeting. */
  async decisionIsConfidential(meetingId: string, decisionId: string): Promise<boolean> {
    const rows = await this.deps.send('meetings:followUp', { meetingId });
    const row = rows.ok ? (rows.value as FollowUpRow[]).find((r) => r.decision.id === decisionId) : undefined;
    return row ? (await this.deps.fetch(row.meetingId))?.confidentiality === 'confidential' : false;
  }
}
