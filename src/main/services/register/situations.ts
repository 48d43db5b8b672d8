// Register of situations: list, consult (archived ones only with a logged reason), create, edit, open → en suivi → close.
import type { RegisterView, SituationDetail, SituationInput, SituationPatch, SituationRow, StatusChange } from '../../../shared/contract/register';
import { newId } from '../../../shared/ids';
import { register as t } from '../../../shared/i18n/register';
import type { Datastore } from '../../../shared/model';
import type { ProtectedData } from '../../../shared/protected-model';
import { listLabel, registerSettingsOf } from '../../../shared/register-defaults';
import {
  type AccessAction,
  type AgeBracket,
  type ListName,
  type Situation,
  type SituationStatus,
  birthYearFits,
  bracketNeedsBirthYear,
  legalEndDate,
  situationNextStep,
} from '../../../shared/register-model';
import { DomainError } from '../../../shared/result';
import { fold } from '../directory';
import { nowIso, type ServiceContext } from '../context';
import { canFollowSituations, currentUser, getSituation, logAccess, qualifyingInstances, requireVault, todayOf } from './common';
import { allocateSituationRef } from './reference';

/** The list row: labels resolved from the closed lists and the directory. */
export function situationRow(data: Datastore, s: Situation): SituationRow {
  const settings = registerSettingsOf(data);
  const instances = new Map(data.instances.map((i) => [i.id, i.name]));
  const next = situationNextStep(s);
  return {
    id: s.id,
    reference: s.reference,
    status: s.status,
    openedAt: s.openedAt,
    ...(s.closedAt ? { closedAt: s.closedAt } : {}),
    originLabel: listLabel(settings.origins, s.origin),
    reasonLabel: listLabel(settings.reasons, s.reason),
    ageBracket: s.ageBracket,
    instanceNames: s.instanceIds.map((i) => instances.get(i) ?? '—'),
    ...(s.referentOrganisationId ? { referentName: data.organisations.find((o) => o.id === s.referentOrganisationId)?.name ?? '—' } : {}),
    ...(next ? { next: { step: next.step, date: next.date } } : {}),
  };
}

/** The register (listing is logged once per consultation, without content). */
export function registerView(ctx: ServiceContext, q: { instanceId?: string; status?: SituationStatus; query?: string } = {}): RegisterView {
  const p = requireVault(ctx).read();
  const data = ctx.store.data;
  const query = q.query ? fold(q.query.trim()) : '';
  const rows = p.situations
    .filter((s) => (!q.instanceId || s.instanceIds.includes(q.instanceId)) && (!q.status || s.status === q.status))
    .map((s) => situationRow(data, s))
    .filter((r) => !query || fold(`${r.reference} ${r.originLabel} ${r.reasonLabel} ${r.instanceNames.join(' ')} ${r.referentName ?? ''}`).includes(query))
    .sort((a, b) => b.reference.localeCompare(a.reference, 'fr', { numeric: true }));
  return { rows, instances: qualifyingInstances(data).map((i) => ({ id: i.id, name: i.name })) };
}

/** Decisions of meetings citing the reference. */
function citingDecisions(data: Datastore, reference: string): SituationDetail['decisions'] {
  const out: SituationDetail['decisions'] = [];
  for (const m of data.meetings)
    for (const d of m.decisions)
      if (d.situationRef === reference) out.push({ id: d.id, meetingId: m.id, meetingTitle: m.title, meetingDate: m.date, kind: d.kind, status: d.status });
  return out.sort((a, b) => a.meetingDate.localeCompare(b.meetingDate));
}

export function decisionIdsFor(data: Datastore, reference: string): string[] {
  return citingDecisions(data, reference).map((d) => d.id);
}

/**
 * A consultation is written once per opening: the screen reloads its data after any change anywhere, and a
 * reload is not a new consultation. The same user, the same situation, the same action and reason within
 * this window count as one opening. Enforced here, whatever the client does.
 */
export const VIEW_LOG_WINDOW_MS = 10 * 60_000;

function loggedRecently(ctx: ServiceContext, p: ProtectedData, action: AccessAction, reference: string, reason: string | undefined): boolean {
  const now = ctx.now().getTime();
  const user = currentUser().slice(0, 300);
  for (let i = p.accessLog.length - 1; i >= 0; i--) {
    const e = p.accessLog[i]!;
    const at = Date.parse(e.at);
    if (now - at > VIEW_LOG_WINDOW_MS) return false;
    if (at <= now && e.action === action && e.reference === reference && e.user === user && e.reason === reason) return true;
  }
  return false;
}

/** One situation; an archived one only with a reason; each opening is logged (see VIEW_LOG_WINDOW_MS). */
export async function getSituationDetail(ctx: ServiceContext, id: string, reason?: string): Promise<SituationDetail> {
  const vault = requireVault(ctx);
  const s = getSituation(vault.read(), id);
  if (s.status === 'archived' && !reason?.trim()) throw new DomainError('forbidden', t.errors.reasonRequired, 'reason');
  const action = s.status === 'archived' ? 'consult_archived' : 'view';
  if (!loggedRecently(ctx, vault.read(), action, s.reference, reason?.trim())) await vault.update((draft) => logAccess(ctx, draft, action, s.reference, reason?.trim()));
  const data = ctx.store.data;
  return { situation: s, row: situationRow(data, s), decisions: citingDecisions(data, s.reference) };
}

function checkCode(data: Datastore, list: ListName, value: string, field: string, allowRetired = false): void {
  const settings = registerSettingsOf(data);
  const item = settings[list].find((i) => i.code === value);
  if (!item || (item.retired && !allowRetired)) throw new DomainError('invalid_input', t.errors.unknownCode(t.listNames[list]), field);
}

/** Checks every field against the closed lists, the qualifying instances and the directory. */
function checkFields(ctx: ServiceContext, v: Omit<SituationInput, 'reference'>, previous?: Situation): void {
  const data = ctx.store.data;
  if (v.openedAt > todayOf(ctx)) throw new DomainError('invalid_input', t.errors.openedInFuture, 'openedAt');
  if (!v.instanceIds.length) throw new DomainError('invalid_input', t.errors.instanceRequired, 'instanceIds');
  for (const iid of v.instanceIds) {
    const inst = data.instances.find((i) => i.id === iid);
    if (!inst) throw new DomainError('not_found', t.errors.instanceUnknown, 'instanceIds');
    // An instance already following the situation stays allowed even if its level changed since.
    if (!canFollowSituations(inst) && !previous?.instanceIds.includes(iid)) throw new DomainError('invalid_input', t.errors.instanceNotQualifying(inst.name), 'instanceIds');
  }
  checkCode(data, 'origins', v.origin, 'origin', previous?.origin === v.origin);
  checkCode(data, 'reasons', v.reason, 'reason', previous?.reason === v.reason);
  v.orientations.forEach((o, i) => checkCode(data, 'orientations', o, `orientations.${i}`, previous?.orientations.includes(o)));
  if (v.referentOrganisationId && !data.organisations.some((o) => o.id === v.referentOrganisationId)) {
    throw new DomainError('not_found', t.errors.organisationUnknown, 'referentOrganisationId');
  }
}

/** Legal end date from the bracket and the (unstored) birth year; keeps the previous one when neither changes. */
function endDateFor(ageBracket: AgeBracket, birthYear: number | undefined, openedAt: string, previous?: Situation): string | undefined {
  if (!bracketNeedsBirthYear(ageBracket)) return undefined;
  if (birthYear === undefined) {
    if (previous && previous.ageBracket === ageBracket && previous.legalEndDate) return previous.legalEndDate;
    throw new DomainError('invalid_input', t.errors.birthYearRequired, 'birthYear');
  }
  if (!birthYearFits(ageBracket, birthYear, openedAt)) throw new DomainError('invalid_input', t.errors.birthYearMismatch, 'birthYear');
  return legalEndDate(ageBracket, birthYear);
}

export async function createSituation(ctx: ServiceContext, input: SituationInput): Promise<Situation> {
  const vault = requireVault(ctx);
  checkFields(ctx, input);
  const legal = endDateFor(input.ageBracket, input.birthYear, input.openedAt);
  const at = nowIso(ctx);
  const sid = await vault.update((draft) => {
    const reference = input.reference ?? allocateSituationRef(ctx, Number(input.openedAt.slice(0, 4)));
    if (draft.situations.some((s) => s.reference === reference)) throw new DomainError('conflict', t.errors.referenceTaken(reference), 'reference');
    const s: Situation = {
      id: newId('sit'),
      reference,
      openedAt: input.openedAt,
      instanceIds: [...new Set(input.instanceIds)],
      origin: input.origin,
      reason: input.reason,
      ageBracket: input.ageBracket,
      ...(legal ? { legalEndDate: legal } : {}),
      ...(input.referentOrganisationId ? { referentOrganisationId: input.referentOrganisationId } : {}),
      status: 'open',
      orientations: [...new Set(input.orientations)],
      note: input.note,
      createdAt: at,
      updatedAt: at,
    };
    draft.situations.push(s);
    logAccess(ctx, draft, 'create', reference);
    return s.id;
  });
  // Read back from the committed document: a draft must not leave the transaction.
  return getSituation(vault.read(), sid);
}

function editable(p: ProtectedData, id: string): Situation {
  const s = getSituation(p, id);
  if (s.status === 'archived') throw new DomainError('locked', t.errors.archivedReadOnly);
  return s;
}

export async function updateSituation(ctx: ServiceContext, id: string, patch: SituationPatch): Promise<Situation> {
  const vault = requireVault(ctx);
  const current = editable(vault.read(), id);
  const next = {
    openedAt: patch.openedAt ?? current.openedAt,
    instanceIds: patch.instanceIds ?? current.instanceIds,
    origin: patch.origin ?? current.origin,
    reason: patch.reason ?? current.reason,
    ageBracket: patch.ageBracket ?? current.ageBracket,
    referentOrganisationId: patch.referentOrganisationId ?? current.referentOrganisationId,
    orientations: patch.orientations ?? current.orientations,
    note: patch.note ?? current.note,
  };
  checkFields(ctx, next, current);
  if (current.closedAt && current.closedAt < next.openedAt) throw new DomainError('invalid_input', t.errors.closedBeforeOpened, 'openedAt');
  const legal = endDateFor(next.ageBracket, patch.birthYear, next.openedAt, current);
  await vault.update((draft) => {
    const s = editable(draft, id);
    Object.assign(s, next, { instanceIds: [...new Set(next.instanceIds)], orientations: [...new Set(next.orientations)], updatedAt: nowIso(ctx) });
    if (!next.referentOrganisationId) delete s.referentOrganisationId;
    if (legal) s.legalEndDate = legal;
    else delete s.legalEndDate;
    logAccess(ctx, draft, 'update', s.reference);
  });
  return getSituation(vault.read(), id);
}

const TRANSITIONS: Record<SituationStatus, SituationStatus[]> = {
  open: ['in_follow_up', 'closed'],
  in_follow_up: ['closed', 'open'],
  closed: ['in_follow_up'],
  archived: [],
};

/** ouverte → en suivi → close (with a reason from the closed list); a closed one can be reopened before it is archived. */
export async function setSituationStatus(ctx: ServiceContext, input: StatusChange): Promise<Situation> {
  const vault = requireVault(ctx);
  const current = editable(vault.read(), input.id);
  if (current.status === input.status) return current;
  if (!TRANSITIONS[current.status].includes(input.status)) {
    throw new DomainError('invalid_input', t.errors.transition(t.status[current.status], t.status[input.status]), 'status');
  }
  const closedAt = input.closedAt ?? todayOf(ctx);
  if (input.status === 'closed') {
    if (!input.closureReason) throw new DomainError('invalid_input', t.errors.closureReasonRequired, 'closureReason');
    checkCode(ctx.store.data, 'closureReasons', input.closureReason, 'closureReason');
    if (closedAt < current.openedAt) throw new DomainError('invalid_input', t.errors.closedBeforeOpened, 'closedAt');
    if (closedAt > todayOf(ctx)) throw new DomainError('invalid_input', t.errors.closedInFuture, 'closedAt');
  }
  await vault.update((draft) => {
    const s = editable(draft, input.id);
    const reopening = s.status === 'closed';
    s.status = input.status;
    if (input.status === 'closed') {
      s.closedAt = closedAt;
      s.closureReason = input.closureReason;
    } else {
      delete s.closedAt;
      delete s.closureReason;
    }
    s.updatedAt = nowIso(ctx);
    logAccess(ctx, draft, input.status === 'closed' ? 'close' : reopening ? 'reopen' : 'update', s.reference);
  });
  return getSituation(vault.read(), input.id);
}

/** The CLI's JSON shape: closed-list codes; the note of an archived situation only with a reason (logged by the caller). */
export function situationsForCli(ctx: ServiceContext, reason?: string): SituationJson[] {
  const data = ctx.store.data;
  return [...requireVault(ctx).read().situations]
    .sort((a, b) => a.reference.localeCompare(b.reference, 'fr', { numeric: true }))
    .map((s) => ({
      reference: s.reference,
      status: s.status,
      origin: s.origin,
      reason: s.reason,
      ageBracket: s.ageBracket,
      openedAt: s.openedAt,
      closedAt: s.closedAt ?? null,
      legalEndDate: s.legalEndDate ?? null,
      referentOrganisationId: s.referentOrganisationId ?? null,
      orientations: [...s.orientations],
      note: s.status === 'archived' && !reason ? null : s.note,
      decisionIds: decisionIdsFor(data, s.reference),
    }));
}

export interface SituationJson {
  reference: string;
  status: SituationStatus;
  origin: string;
  reason: string;
  ageBracket: AgeBracket;
  openedAt: string;
  closedAt: string | null;
  legalEndDate: string | null;
  referentOrganisationId: string | null;
  orientations: string[];
  note: string | null;
  decisionIds: string[];
}
