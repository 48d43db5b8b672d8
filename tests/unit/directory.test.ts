// Directory services: partner institutions and contacts, search, uniqueness, reference checks, deletion and undo.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createContext, type ServiceContext } from '../../src/main/services/context';
import * as dir from '../../src/main/services/directory';
import { Store } from '../../src/main/store/store';
import type { DomainError } from '../../src/shared/result';
import { cleanTempDirs, looksFrench, sampleDatastore, sha256, tempDir } from '../helpers/fixtures';

let store: Store;
let ctx: ServiceContext;
const NOW = new Date('2026-03-03T09:00:00.000Z');

beforeEach(async () => {
  store = Store.open(tempDir(), { owner: 'test' });
  await store.initialise(sampleDatastore());
  ctx = createContext(store, {}, () => NOW);
});

afterEach(async () => {
  await store.close();
  cleanTempDirs();
});

async function rejection(p: Promise<unknown>): Promise<DomainError> {
  try {
    await p;
  } catch (e) {
    return e as DomainError;
  }
  throw new Error('expected a rejection');
}

/** Asserts that `p` is refused with `code` and a French message, and that neither the document nor the file changed. */
async function refusedUnchanged(p: () => Promise<unknown>, code: string, message?: RegExp): Promise<DomainError> {
  const data = structuredClone(store.data);
  const hash = sha256(store.file);
  const e = await rejection(p());
  expect(e.code).toBe(code);
  expect(looksFrench(e.message), e.message).toBe(true);
  if (message) expect(e.message).toMatch(message);
  expect(store.data).toEqual(data);
  await store.flush();
  expect(sha256(store.file)).toBe(hash);
  return e;
}

const catId = () => store.data.categories[0].id;
const otherCat = () => store.data.categories[3];

describe('fold', () => {
  it('lower-cases and strips accents', () => {
    expect(dir.fold('Éducation Nationale — Collège Îlot')).toBe('education nationale — college ilot');
  });
});

describe('partners', () => {
  it('creates a partner with trimmed-away empty fields, timestamps and a fresh id', async () => {
    const org = await dir.createPartner(ctx, { name: 'Éducation nationale', categoryId: otherCat().id, email: '', phone: '01 02 03 04 05' });
    expect(org.id).toMatch(/^org_/);
    expect(org).toMatchObject({ name: 'Éducation nationale', phone: '01 02 03 04 05', archived: false, createdAt: NOW.toISOString() });
    expect('email' in org).toBe(false);
    expect(store.data.organisations.at(-1)).toEqual(org);
  });

  it('refuses an unknown category and a duplicate name (case and accents folded), changing nothing', async () => {
    const e = await refusedUnchanged(() => dir.createPartner(ctx, { name: 'Nouvelle', categoryId: 'cat_inexistante' }), 'invalid_input', /catégorie/);
    expect(e.field).toBe('categoryId');
    const d = await refusedUnchanged(() => dir.createPartner(ctx, { name: 'MAIRIE DE VALBOURG ', categoryId: catId() }), 'conflict', /s’appelle déjà/);
    expect(d.field).toBe('name');
    await refusedUnchanged(() => dir.createPartner(ctx, { name: 'Police Municipalé', categoryId: catId() }), 'conflict');
  });

  it('lists with accent-insensitive search on names and contacts, category filter and protocol order', async () => {
    await dir.createPartner(ctx, { name: 'Éducation nationale', shortName: 'DSDEN', categoryId: otherCat().id });
    expect(dir.listPartners(ctx, { query: 'EDUCATION' }).map((p) => p.name)).toEqual(['Éducation nationale']);
    expect(dir.listPartners(ctx, { query: 'dsden' }).map((p) => p.name)).toEqual(['Éducation nationale']);
    // By a contact's name: Léa Fictive works for the association.
    expect(dir.listPartners(ctx, { query: 'lea fict' }).map((p) => p.id)).toEqual(['org_libre']);
    expect(dir.listPartners(ctx, { categoryId: otherCat().id }).map((p) => p.name)).toEqual(['Éducation nationale']);
    const all = dir.listPartners(ctx);
    expect(all).toHaveLength(4);
    // Same category: alphabetical in French; the other category comes after (higher protocol rank).
    expect(all.map((p) => p.name)).toEqual(['Association Libre Parcours', 'Mairie de Valbourg', 'Police municipale', 'Éducation nationale']);
    expect(all.find((p) => p.id === 'org_mairie')).toMatchObject({ peopleCount: 1, categoryLabel: store.data.categories[0].label });
  });

  it('updates a partner, removes cleared fields, allows a change of case of its own name, refuses a taken name', async () => {
    await dir.updatePartner(ctx, 'org_mairie', { email: 'accueil@valbourg.fr', phone: '01' });
    const updated = await dir.updatePartner(ctx, 'org_mairie', { phone: '', name: 'MAIRIE de Valbourg' });
    expect(updated.name).toBe('MAIRIE de Valbourg');
    expect(updated.email).toBe('accueil@valbourg.fr');
    expect('phone' in updated).toBe(false);
    expect(updated.updatedAt).toBe(NOW.toISOString());
    await refusedUnchanged(() => dir.updatePartner(ctx, 'org_mairie', { name: 'police municipale' }), 'conflict');
    await refusedUnchanged(() => dir.updatePartner(ctx, 'org_mairie', { categoryId: 'nope' }), 'invalid_input');
    await refusedUnchanged(() => dir.updatePartner(ctx, 'org_inconnue', { name: 'x' }), 'not_found');
  });

  it('details a partner: contacts, current instances only, actions with its role', async () => {
    await store.update((d) => {
      d.memberships.push(
        { id: 'mem_1', instanceId: 'ins_pleniere', personId: 'per_b', organisationId: 'org_mairie', role: 'ex_officio', seat: 'titular', startDate: '2023-01-01' },
        { id: 'mem_2', instanceId: 'ins_vif', personId: 'per_b', organisationId: 'org_mairie', role: 'designated', seat: 'titular', startDate: '2023-01-01', endDate: '2025-12-31' },
      );
      d.actions[1].partners.push({ organisationId: 'org_mairie', role: 'funder' });
    });
    const detail = dir.partnerDetail(ctx, 'org_mairie');
    expect(detail.people.map((p) => p.id)).toEqual(['per_b']);
    expect(detail.instances.map((i) => i.id)).toEqual(['ins_pleniere']);
    expect(detail.actions).toEqual([{ id: 'act_2', code: '1.1.2', title: 'Action 1.1.2', role: 'partner' }]);
    expect(dir.partnerDetail(ctx, 'org_police').actions.map((a) => a.role)).toEqual(['pilot', 'pilot', 'pilot']);
  });

  it('refuses to delete a partner still referenced by actions, memberships or meetings, saying where', async () => {
    await refusedUnchanged(() => dir.deletePartner(ctx, 'org_police'), 'conflict', /3 action\(s\) du plan/);
    await refusedUnchanged(() => dir.deletePartner(ctx, 'org_mairie'), 'conflict', /3 réunion\(s\)/);
    await store.update((d) => {
      d.memberships.push({ id: 'mem_9', instanceId: 'ins_vif', personId: 'per_a', organisationId: 'org_libre', role: 'associated', seat: 'titular', startDate: '2024-01-01' });
    });
    // Referenced only through its contact's membership.
    await refusedUnchanged(() => dir.deletePartner(ctx, 'org_libre'), 'conflict', /1 appartenance\(s\)/);
  });

  it('deletes an unreferenced partner with its contacts, and undo brings both back in place', async () => {
    const before = structuredClone(store.data);
    const del = await dir.deletePartner(ctx, 'org_libre');
    expect(del.label).toContain('Association Libre Parcours');
    expect(store.data.organisations.map((o) => o.id)).toEqual(['org_mairie', 'org_police']);
    expect(store.data.people.map((p) => p.id)).toEqual(['per_b']);
    expect(await dir.undoDeletion(ctx, del.undoToken)).toEqual({ label: del.label });
    expect(store.data.organisations).toEqual(before.organisations);
    expect(new Set(store.data.people.map((p) => p.id))).toEqual(new Set(['per_a', 'per_b']));
    // The token is used up.
    await refusedUnchanged(() => dir.undoDeletion(ctx, del.undoToken), 'not_found', /ne peut plus être annulée/);
  });

  it('refuses an undo that would duplicate a name taken in the meantime', async () => {
    const del = await dir.deletePartner(ctx, 'org_libre');
    await dir.createPartner(ctx, { name: 'association libre parcours', categoryId: catId() });
    await refusedUnchanged(() => dir.undoDeletion(ctx, del.undoToken), 'conflict', /s’appelle déjà/);
  });
});

describe('people', () => {
  it('creates, updates and lists contacts of an organisation', async () => {
    const p = await dir.createPerson(ctx, { organisationId: 'org_police', civility: 'Mme', firstName: 'Inès', lastName: 'Modèle', email: '' });
    expect('email' in p).toBe(false);
    expect(dir.listPeople(ctx, 'org_police').map((x) => x.id)).toEqual([p.id]);
    const u = await dir.updatePerson(ctx, p.id, { jobTitle: 'Cheffe de service', firstName: '' });
    expect(u).toMatchObject({ jobTitle: 'Cheffe de service', firstName: '' });
    await refusedUnchanged(() => dir.createPerson(ctx, { organisationId: 'org_x', civility: '', firstName: '', lastName: 'X' }), 'not_found');
    await refusedUnchanged(() => dir.updatePerson(ctx, p.id, { organisationId: 'org_x' }), 'not_found');
  });

  it('refuses to delete a contact who sits in an instance; deletes and restores one who does not', async () => {
    await store.update((d) => {
      d.memberships.push({ id: 'mem_1', instanceId: 'ins_pleniere', personId: 'per_b', organisationId: 'org_mairie', role: 'ex_officio', seat: 'titular', startDate: '2023-01-01' });
    });
    await refusedUnchanged(() => dir.deletePerson(ctx, 'per_b'), 'conflict', /Paul Imaginaire est encore cité/);
    const del = await dir.deletePerson(ctx, 'per_a');
    expect(store.data.people.map((p) => p.id)).toEqual(['per_b']);
    await dir.undoDeletion(ctx, del.undoToken);
    expect(store.data.people.map((p) => p.id)).toEqual(['per_a', 'per_b']);
  });

  it('refuses to restore a contact whose organisation was deleted since (no orphan)', async () => {
    const delPerson = await dir.deletePerson(ctx, 'per_a');
    await dir.deletePartner(ctx, 'org_libre');
    await refusedUnchanged(() => dir.undoDeletion(ctx, delPerson.undoToken), 'conflict', /rétablissez-la d’abord/);
    expect(store.data.people.every((p) => store.data.organisations.some((o) => o.id === p.organisationId))).toBe(true);
  });
});
