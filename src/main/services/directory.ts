// Directory operations: partner institutions and their contacts, with reference checks before deletion.
import type { Deleted, OrganisationInput, PartnerDetail, PartnerRow, PersonInput } from '../../shared/contract/directory';
import { newId } from '../../shared/ids';
import type { Category, Datastore, Organisation, Person } from '../../shared/model';
import { directory as t } from '../../shared/i18n/directory';
import { DomainError } from '../../shared/result';
import { foldLoose } from '../../shared/text';
import { nowIso, type ServiceContext } from './context';
import { detach } from '../store/transaction';

/** Lower-cases, strips accents and punctuation so « Éducation » matches « education » (see shared/text.ts). */
export const fold = foldLoose;

function clean<T extends Record<string, unknown>>(o: T): T {
  // Empty optional strings are stored as absent.
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined && v !== '') out[k] = v;
  return out as T;
}

export function getOrganisation(data: Datastore, id: string): Organisation {
  const o = data.organisations.find((x) => x.id === id);
  if (!o) throw new DomainError('not_found', t.errors.organisationNotFound);
  return o;
}

export function getPerson(data: Datastore, id: string): Person {
  const p = data.people.find((x) => x.id === id);
  if (!p) throw new DomainError('not_found', t.errors.personNotFound);
  return p;
}

function getCategory(data: Datastore, id: string): Category {
  const c = data.categories.find((x) => x.id === id);
  if (!c) throw new DomainError('invalid_input', t.errors.categoryUnknown, 'categoryId');
  return c;
}

function assertUniqueName(data: Datastore, name: string, exceptId?: string): void {
  const f = fold(name.trim());
  if (data.organisations.some((o) => o.id !== exceptId && fold(o.name.trim()) === f)) {
    throw new DomainError('conflict', t.errors.nameTaken(name.trim()), 'name');
  }
}

export function listPartners(ctx: ServiceContext, input?: { query?: string; categoryId?: string }): PartnerRow[] {
  const data = ctx.store.data;
  const cats = new Map(data.categories.map((c) => [c.id, c]));
  const counts = new Map<string, number>();
  for (const p of data.people) counts.set(p.organisationId, (counts.get(p.organisationId) ?? 0) + 1);
  const q = input?.query ? fold(input.query.trim()) : '';
  const peopleByOrg = new Map<string, string>();
  if (q) for (const p of data.people) peopleByOrg.set(p.organisationId, `${peopleByOrg.get(p.organisationId) ?? ''} ${fold(`${p.firstName} ${p.lastName} ${p.jobTitle ?? ''}`)}`);
  return data.organisations
    .filter((o) => !input?.categoryId || o.categoryId === input.categoryId)
    .filter((o) => !q || fold(`${o.name} ${o.shortName ?? ''}`).includes(q) || (peopleByOrg.get(o.id) ?? '').includes(q))
    .map((o) => ({ ...o, categoryLabel: cats.get(o.categoryId)?.label ?? '—', peopleCount: counts.get(o.id) ?? 0 }))
    .sort((a, b) => (cats.get(a.categoryId)?.protocolRank ?? 999) - (cats.get(b.categoryId)?.protocolRank ?? 999) || a.name.localeCompare(b.name, 'fr'));
}

export function partnerDetail(ctx: ServiceContext, id: string): PartnerDetail {
  const data = ctx.store.data;
  const organisation = getOrganisation(data, id);
  const today = ctx.now().toISOString().slice(0, 10);
  const instanceIds = new Set(
    data.memberships.filter((m) => m.organisationId === id && (!m.endDate || m.endDate >= today)).map((m) => m.instanceId),
  );
  return {
    organisation,
    category: data.categories.find((c) => c.id === organisation.categoryId) ?? { id: organisation.categoryId, label: '—', protocolRank: 999 },
    people: data.people.filter((p) => p.organisationId === id).sort((a, b) => a.lastName.localeCompare(b.lastName, 'fr')),
    instances: data.instances.filter((i) => instanceIds.has(i.id)).map((i) => ({ id: i.id, name: i.name, kind: i.kind })),
    actions: data.actions
      .filter((a) => !a.archived && (a.pilot.organisationId === id || a.partners.some((p) => p.organisationId === id)))
      .map((a) => ({ id: a.id, code: a.code, title: a.title, role: a.pilot.organisationId === id ? ('pilot' as const) : ('partner' as const) })),
  };
}

export async function createPartner(ctx: ServiceContext, input: OrganisationInput): Promise<Organisation> {
  return ctx.store.update((data) => {
    getCategory(data, input.categoryId);
    assertUniqueName(data, input.name);
    const at = nowIso(ctx);
    const org: Organisation = { ...clean(input), id: newId('org'), archived: false, createdAt: at, updatedAt: at };
    data.organisations.push(org);
    return org;
  });
}

export async function updatePartner(ctx: ServiceContext, id: string, patch: Partial<OrganisationInput>): Promise<Organisation> {
  return ctx.store.update((data) => {
    const org = getOrganisation(data, id);
    if (patch.categoryId !== undefined) getCategory(data, patch.categoryId);
    if (patch.name !== undefined) assertUniqueName(data, patch.name, id);
    const next: Organisation = { ...org, updatedAt: nowIso(ctx) };
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined) continue;
      if (v === '') delete (next as Record<string, unknown>)[k];
      else (next as Record<string, unknown>)[k] = v;
    }
    Object.assign(org, next);
    for (const k of Object.keys(org)) if (!(k in next)) delete (org as Record<string, unknown>)[k];
    return org;
  });
}

/** Where an institution or person is still used; deletion is refused while any is non-zero. */
function references(data: Datastore, match: { organisationId?: string; personIds: Set<string> }) {
  const { organisationId, personIds } = match;
  const actions = data.actions.filter(
    (a) =>
      (organisationId && (a.pilot.organisationId === organisationId || a.partners.some((p) => p.organisationId === organisationId))) ||
      (a.pilot.personId && personIds.has(a.pilot.personId)) ||
      a.indicators.some((i) => organisationId && i.responsibleOrganisationId === organisationId),
  ).length;
  const memberships = data.memberships.filter((m) => (organisationId && m.organisationId === organisationId) || personIds.has(m.personId)).length;
  const meetings = data.meetings.filter(
    (mt) =>
      mt.invitees.some((i) => (organisationId && i.organisationId === organisationId) || (i.personId && personIds.has(i.personId))) ||
      mt.attendance.some((a) => a.representedByPersonId && personIds.has(a.representedByPersonId)),
  ).length;
  return { actions, memberships, meetings };
}

function refusal(what: string, r: { actions: number; memberships: number; meetings: number }, advice: string): DomainError | null {
  const parts: string[] = [];
  if (r.actions) parts.push(t.errors.citedInActions(r.actions));
  if (r.memberships) parts.push(t.errors.citedInMemberships(r.memberships));
  if (r.meetings) parts.push(t.errors.citedInMeetings(r.meetings));
  if (!parts.length) return null;
  return new DomainError('conflict', t.errors.stillCited(what, parts, advice));
}

export async function deletePartner(ctx: ServiceContext, id: string): Promise<Deleted> {
  return ctx.store.update((data) => {
    const org = getOrganisation(data, id);
    const people = data.people.filter((p) => p.organisationId === id);
    const err = refusal(
      t.errors.organisationWhat(org.name),
      references(data, { organisationId: id, personIds: new Set(people.map((p) => p.id)) }),
      t.errors.organisationAdvice,
    );
    if (err) throw err;
    const index = data.organisations.indexOf(org);
    data.organisations.splice(index, 1);
    data.people = data.people.filter((p) => p.organisationId !== id);
    const label = t.removed.organisation(org.name);
    const saved = detach({ org, people });
    const undoToken = ctx.trash.push(label, (d) => {
      if (d.organisations.some((o) => o.id === saved.org.id)) return;
      assertUniqueName(d, saved.org.name);
      d.organisations.splice(Math.min(index, d.organisations.length), 0, saved.org);
      d.people.push(...saved.people.filter((p) => !d.people.some((x) => x.id === p.id)));
    });
    return { undoToken, label };
  });
}

export function listPeople(ctx: ServiceContext, organisationId?: string): Person[] {
  return ctx.store.data.people.filter((p) => !organisationId || p.organisationId === organisationId);
}

export async function createPerson(ctx: ServiceContext, input: PersonInput): Promise<Person> {
  return ctx.store.update((data) => {
    getOrganisation(data, input.organisationId);
    const at = nowIso(ctx);
    const person: Person = { ...clean(input), civility: input.civility, firstName: input.firstName, id: newId('per'), createdAt: at, updatedAt: at };
    data.people.push(person);
    return person;
  });
}

export async function updatePerson(ctx: ServiceContext, id: string, patch: Partial<PersonInput>): Promise<Person> {
  return ctx.store.update((data) => {
    const person = getPerson(data, id);
    if (patch.organisationId !== undefined) getOrganisation(data, patch.organisationId);
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined) continue;
      if (v === '' && k !== 'civility' && k !== 'firstName') delete (person as Record<string, unknown>)[k];
      else (person as Record<string, unknown>)[k] = v;
    }
    person.updatedAt = nowIso(ctx);
    return person;
  });
}

export async function deletePerson(ctx: ServiceContext, id: string): Promise<Deleted> {
  return ctx.store.update((data) => {
    const person = getPerson(data, id);
    const name = `${person.firstName} ${person.lastName}`.trim();
    const err = refusal(
      `${name}`,
      references(data, { personIds: new Set([id]) }),
      t.errors.personAdvice,
    );
    if (err) throw err;
    const index = data.people.indexOf(person);
    data.people.splice(index, 1);
    const label = t.removed.person(name);
    const saved = detach(person);
    const undoToken = ctx.trash.push(label, (d) => {
      if (d.people.some((p) => p.id === saved.id)) return;
      if (!d.organisations.some((o) => o.id === saved.organisationId)) {
        throw new DomainError('conflict', t.errors.organisationGoneSince(name));
      }
      d.people.splice(Math.min(index, d.people.length), 0, saved);
    });
    return { undoToken, label };
  });
}

/**
 * Restores a deletion. A refused restore (conflict, closed data, failed save…) gives the token back for a later
 * try: the restores are idempotent (they skip what is already back), so a retry never duplicates anything.
 */
export async function undoDeletion(ctx: ServiceContext, token: string): Promise<{ label: string }> {
  const entry = ctx.trash.take(token);
  try {
    await ctx.store.update((d) => entry.restore(d));
  } catch (e) {
    ctx.trash.putBack(token, entry);
    throw e;
  }
  return { label: entry.label };
}
