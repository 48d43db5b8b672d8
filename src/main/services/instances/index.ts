// Instances (plénière, restreinte, cellules de veille) and their dated memberships, with charter checks.
import type { Deleted } from '../../../shared/contract/directory';
import type { InstanceDetail, InstanceInput, InstanceRow, MemberRow, MembershipInput, QuickCellInput } from '../../../shared/contract/meetings';
import { newId } from '../../../shared/ids';
import { meetings as t } from '../../../shared/i18n/meetings';
import type { Datastore, Instance, Membership } from '../../../shared/model';
import { DomainError } from '../../../shared/result';
import { INSTANCE_KIND_ORDER } from '../../../shared/instance-rules';
import { clipText, personLabel } from '../../../shared/text';
import { fold } from '../directory';
import { nowIso, type ServiceContext } from '../context';
import { detach } from '../../store/transaction';

export function today(ctx: ServiceContext): string {
  return ctx.now().toISOString().slice(0, 10);
}

export function getInstance(data: Datastore, id: string): Instance {
  const i = data.instances.find((x) => x.id === id);
  if (!i) throw new DomainError('not_found', t.errors.instanceNotFound);
  return i;
}

function getMembership(data: Datastore, id: string): Membership {
  const m = data.memberships.find((x) => x.id === id);
  if (!m) throw new DomainError('not_found', 'Cette appartenance est introuvable.');
  return m;
}

/** True when the membership is running on `date`. */
export function isCurrent(m: Membership, date: string): boolean {
  return m.startDate <= date && (!m.endDate || m.endDate >= date);
}

/** Current memberships of an instance on a date. */
export function currentMemberships(data: Datastore, instanceId: string, date: string): Membership[] {
  return data.memberships.filter((m) => m.instanceId === instanceId && isCurrent(m, date));
}

/** The charte déontologique is signed once, on joining a confidential group: only a missing signature counts. */
export function charterState(instance: Instance, m: Membership): { missing: boolean } {
  if (instance.confidentiality !== 'confidential') return { missing: false };
  return { missing: !m.charterSignedAt };
}

function personName(data: Datastore, personId: string): string {
  const p = data.people.find((x) => x.id === personId);
  return p ? personLabel(p) : t.removed.person;
}

function memberRow(data: Datastore, instance: Instance, m: Membership, date: string): MemberRow {
  const person = data.people.find((p) => p.id === m.personId);
  const org = data.organisations.find((o) => o.id === m.organisationId);
  const charter = charterState(instance, m);
  const linked =
    m.seat === 'substitute'
      ? data.memberships.filter((t) => t.id === m.titularMembershipId).map((t) => personName(data, t.personId))
      : data.memberships.filter((s) => s.titularMembershipId === m.id && isCurrent(s, date)).map((s) => personName(data, s.personId));
  return {
    membership: m,
    personName: personName(data, m.personId),
    jobTitle: person?.jobTitle,
    organisationId: m.organisationId,
    organisationName: org?.name ?? t.removed.organisation,
    current: isCurrent(m, date),
    charterMissing: charter.missing,
    linkedNames: linked,
  };
}

function protocolRank(data: Datastore, organisationId: string): number {
  const org = data.organisations.find((o) => o.id === organisationId);
  return data.categories.find((c) => c.id === org?.categoryId)?.protocolRank ?? 999;
}

export function listInstances(ctx: ServiceContext, input?: { query?: string; includeClosed?: boolean }): InstanceRow[] {
  const data = ctx.store.data;
  const date = today(ctx);
  const q = input?.query ? fold(input.query.trim()) : '';
  const order = INSTANCE_KIND_ORDER;
  return data.instances
    .filter((i) => input?.includeClosed !== false || i.status === 'active')
    .filter((i) => !q || fold(`${i.name} ${i.theme ?? ''} ${i.territory ?? ''}`).includes(q))
    .map((i) => {
      const members = currentMemberships(data, i.id, date);
      const meetings = data.meetings.filter((m) => m.instanceId === i.id);
      const past = meetings.filter((m) => m.date < date).map((m) => m.date).sort();
      const next = meetings.filter((m) => m.date >= date && m.status !== 'held' && m.status !== 'validated').map((m) => m.date).sort();
      return {
        ...i,
        currentMembers: members.length,
        unsignedMembers: members.filter((m) => charterState(i, m).missing).length,
        lastMeetingDate: past[past.length - 1],
        nextMeetingDate: next[0],
        meetingsCount: meetings.length,
      };
    })
    .sort((a, b) => (a.status === b.status ? 0 : a.status === 'active' ? -1 : 1) || order[a.kind] - order[b.kind] || a.name.localeCompare(b.name, 'fr'));
}

export function instanceDetail(ctx: ServiceContext, id: string, date = today(ctx)): InstanceDetail {
  const data = ctx.store.data;
  const instance = getInstance(data, id);
  const all = data.memberships.filter((m) => m.instanceId === id).map((m) => memberRow(data, instance, m, date));
  const groups = new Map<string, InstanceDetail['byOrganisation'][number]>();
  for (const row of all.filter((r) => r.current)) {
    let g = groups.get(row.organisationId);
    if (!g) groups.set(row.organisationId, (g = { organisationId: row.organisationId, organisationName: row.organisationName, members: [] }));
    g.members.push(row);
  }
  for (const g of groups.values()) g.members.sort((a, b) => (a.membership.seat === b.membership.seat ? a.personName.localeCompare(b.personName, 'fr') : a.membership.seat === 'titular' ? -1 : 1));
  return {
    instance,
    byOrganisation: [...groups.values()].sort((a, b) => protocolRank(data, a.organisationId) - protocolRank(data, b.organisationId) || a.organisationName.localeCompare(b.organisationName, 'fr')),
    history: [...all].sort((a, b) => (b.membership.endDate ?? '9999').localeCompare(a.membership.endDate ?? '9999') || b.membership.startDate.localeCompare(a.membership.startDate)),
    meetings: data.meetings
      .filter((m) => m.instanceId === id)
      .sort((a, b) => b.date.localeCompare(a.date) || b.startTime.localeCompare(a.startTime))
      .map((m) => ({ id: m.id, title: m.title, date: m.date, status: m.status })),
    followedActions: data.actions
      .filter((a) => a.followingInstanceId === id && !a.archived)
      .map((a) => ({ id: a.id, code: a.code, title: a.title, status: a.status })),
  };
}

function cleanInstance(input: Partial<InstanceInput>): Partial<InstanceInput> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(input)) if (v !== undefined && v !== '') out[k] = v;
  return out as Partial<InstanceInput>;
}

function assertUniqueInstanceName(data: Datastore, name: string, exceptId?: string): void {
  const f = fold(name.trim());
  if (data.instances.some((i) => i.id !== exceptId && i.status === 'active' && fold(i.name.trim()) === f)) {
    throw new DomainError('conflict', t.errors.instanceNameTaken(name.trim()), 'name');
  }
}

export async function createInstance(ctx: ServiceContext, input: InstanceInput): Promise<Instance> {
  return ctx.store.update((data) => {
    assertUniqueInstanceName(data, input.name);
    const at = nowIso(ctx);
    const instance: Instance = { ...(cleanInstance(input) as InstanceInput), id: newId('ins'), status: 'active', createdAt: at, updatedAt: at };
    data.instances.push(instance);
    return instance;
  });
}

/** « Nouvelle cellule »: a confidential working group on a theme with its first members, in one write. */
export async function quickCell(ctx: ServiceContext, input: QuickCellInput): Promise<InstanceDetail> {
  const created = await ctx.store.update((data) => {
    // A theme of the full 300 characters would make a name longer than an instance name may be.
    const name = input.name?.trim() || clipText(`Cellule de veille — ${input.theme.trim()}`, 300);
    assertUniqueInstanceName(data, name);
    const start = input.startDate ?? today(ctx);
    const personIds = [...new Set(input.personIds)];
    const people = personIds.map((pid) => {
      const p = data.people.find((x) => x.id === pid);
      if (!p) throw new DomainError('not_found', t.errors.cellPersonUnknown, 'personIds');
      return p;
    });
    for (const oid of input.organisationIds ?? []) {
      if (!data.organisations.some((o) => o.id === oid)) throw new DomainError('not_found', t.errors.cellOrganisationUnknown, 'organisationIds');
      if (people.some((p) => p.organisationId === oid)) continue;
      const first = data.people.find((p) => p.organisationId === oid && !p.leftAt);
      if (!first) {
        const org = data.organisations.find((o) => o.id === oid);
        throw new DomainError('invalid_input', `La structure « ${org?.name ?? ''} » n’a aucun contact dans l’annuaire. Ajoutez d’abord la personne qui y siégera.`, 'organisationIds');
      }
      people.push(first);
    }
    const at = nowIso(ctx);
    const instance: Instance = {
      id: newId('ins'),
      name,
      kind: 'working_group',
      theme: input.theme.trim(),
      ...(input.territory ? { territory: input.territory } : {}),
      confidentiality: input.confidentiality ?? 'confidential',
      cadence: 'Selon les besoins',
      status: 'active',
      createdAt: at,
      updatedAt: at,
    };
    data.instances.push(instance);
    for (const p of people) {
      data.memberships.push({
        id: newId('mbr'),
        instanceId: instance.id,
        personId: p.id,
        organisationId: p.organisationId,
        role: 'designated',
        seat: 'titular',
        startDate: start,
        ...(input.charterSignedAt ? { charterSignedAt: input.charterSignedAt } : {}),
      });
    }
    return instance;
  });
  return instanceDetail(ctx, created.id);
}

export async function updateInstance(ctx: ServiceContext, id: string, patch: Partial<InstanceInput>): Promise<Instance> {
  return ctx.store.update((data) => {
    const instance = getInstance(data, id);
    if (patch.name !== undefined) assertUniqueInstanceName(data, patch.name, id);
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined) continue;
      if (v === '') delete (instance as Record<string, unknown>)[k];
      else (instance as Record<string, unknown>)[k] = v;
    }
    instance.updatedAt = nowIso(ctx);
    return instance;
  });
}

export async function closeInstance(ctx: ServiceContext, id: string, closedAt: string, reason: string): Promise<Instance> {
  return ctx.store.update((data) => {
    const instance = getInstance(data, id);
    if (instance.status === 'closed') throw new DomainError('conflict', t.errors.instanceAlreadyClosed(instance.name));
    const created = instance.createdAt.slice(0, 10);
    if (closedAt < created) throw new DomainError('invalid_input', t.errors.closedBeforeCreated, 'closedAt');
    instance.status = 'closed';
    instance.closedAt = closedAt;
    instance.closedReason = reason.trim();
    instance.updatedAt = nowIso(ctx);
    // Memberships running past the closing date end with it: the history stays exact.
    for (const m of data.memberships) if (m.instanceId === id && (!m.endDate || m.endDate > closedAt) && m.startDate <= closedAt) m.endDate = closedAt;
    return instance;
  });
}

export async function reopenInstance(ctx: ServiceContext, id: string): Promise<Instance> {
  return ctx.store.update((data) => {
    const instance = getInstance(data, id);
    instance.status = 'active';
    delete instance.closedAt;
    delete instance.closedReason;
    instance.updatedAt = nowIso(ctx);
    return instance;
  });
}

function validateMembership(data: Datastore, m: Omit<Membership, 'id'>, exceptId?: string): void {
  if (m.endDate && m.endDate < m.startDate) {
    throw new DomainError('invalid_input', t.errors.membershipEndBeforeStart, 'endDate');
  }
  if (m.seat === 'substitute') {
    if (!m.titularMembershipId) throw new DomainError('invalid_input', t.errors.titularRequired, 'titularMembershipId');
    const titular = data.memberships.find((x) => x.id === m.titularMembershipId);
    if (!titular || titular.instanceId !== m.instanceId || titular.seat !== 'titular') {
      throw new DomainError('invalid_input', t.errors.titularNotSitting, 'titularMembershipId');
    }
    if (titular.personId === m.personId) throw new DomainError('invalid_input', t.errors.ownSubstitute, 'titularMembershipId');
  } else if (m.titularMembershipId) {
    throw new DomainError('invalid_input', t.errors.titularOnlyForSubstitute, 'titularMembershipId');
  }
  const overlap = data.memberships.find(
    (x) =>
      x.id !== exceptId &&
      x.instanceId === m.instanceId &&
      x.personId === m.personId &&
      x.startDate <= (m.endDate ?? '9999-12-31') &&
      (x.endDate ?? '9999-12-31') >= m.startDate,
  );
  if (overlap) {
    throw new DomainError('conflict', t.errors.alreadyMember(personName(data, m.personId)), 'personId');
  }
}

export async function addMembership(ctx: ServiceContext, input: MembershipInput): Promise<Membership> {
  return ctx.store.update((data) => {
    const instance = getInstance(data, input.instanceId);
    if (instance.status === 'closed') throw new DomainError('conflict', t.errors.instanceClosedNoMember(instance.name));
    const person = data.people.find((p) => p.id === input.personId);
    if (!person) throw new DomainError('not_found', t.errors.personUnknown, 'personId');
    const m: Membership = { id: newId('mbr'), ...input, organisationId: person.organisationId };
    if (!m.titularMembershipId) delete m.titularMembershipId;
    if (!m.endDate) delete m.endDate;
    if (!m.charterSignedAt) delete m.charterSignedAt;
    validateMembership(data, m);
    data.memberships.push(m);
    return m;
  });
}

export async function updateMembership(
  ctx: ServiceContext,
  id: string,
  patch: Partial<Omit<MembershipInput, 'instanceId' | 'personId' | 'endDate' | 'charterSignedAt'>> & { endDate?: string; charterSignedAt?: string },
): Promise<Membership> {
  return ctx.store.update((data) => {
    const m = getMembership(data, id);
    const next: Membership = { ...m };
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined) continue;
      if (v === '') delete (next as Record<string, unknown>)[k];
      else (next as Record<string, unknown>)[k] = v;
    }
    if (next.seat === 'titular') delete next.titularMembershipId;
    validateMembership(data, next, id);
    Object.assign(m, next);
    for (const k of Object.keys(m)) if (!(k in next)) delete (m as Record<string, unknown>)[k];
    return m;
  });
}

export async function endMembership(ctx: ServiceContext, id: string, endDate: string): Promise<Membership> {
  return ctx.store.update((data) => {
    const m = getMembership(data, id);
    if (endDate < m.startDate) throw new DomainError('invalid_input', t.errors.membershipEndBeforeItsStart, 'endDate');
    m.endDate = endDate;
    // Substitutes of an ending titular end with them.
    for (const s of data.memberships) if (s.titularMembershipId === id && (!s.endDate || s.endDate > endDate)) s.endDate = endDate;
    return m;
  });
}

/**
 * Removes a membership entered by mistake. Refused while the person is still referenced by this instance's
 * meetings (invitation, attendance) or by the plan: ending the membership keeps the history exact.
 */
export async function removeMembership(ctx: ServiceContext, id: string): Promise<Deleted> {
  return ctx.store.update((data) => {
    const m = getMembership(data, id);
    const name = personName(data, m.personId);
    const meetings = data.meetings.filter(
      (mt) =>
        mt.instanceId === m.instanceId &&
        (mt.invitees.some((i) => i.personId === m.personId) || mt.attendance.some((a) => a.representedByPersonId === m.personId)),
    ).length;
    const actions = data.actions.filter((a) => a.pilot.personId === m.personId && a.followingInstanceId === m.instanceId).length;
    const substitutes = data.memberships.filter((s) => s.titularMembershipId === id).length;
    const parts: string[] = [];
    if (meetings) parts.push(t.errors.citedInMeetings(meetings));
    if (actions) parts.push(t.errors.citedInActions(actions));
    if (substitutes) parts.push(t.errors.citedAsTitular(substitutes));
    if (parts.length) {
      throw new DomainError(
        'conflict',
        t.errors.memberStillCited(name, parts),
      );
    }
    const index = data.memberships.indexOf(m);
    data.memberships.splice(index, 1);
    const label = t.removed.membership(name);
    const saved = detach(m);
    const undoToken = ctx.trash.push(label, (d) => {
      if (!d.memberships.some((x) => x.id === saved.id)) d.memberships.splice(Math.min(index, d.memberships.length), 0, saved);
    });
    return { undoToken, label };
  });
}
