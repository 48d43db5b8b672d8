// Handler table and invoker: payloads parsed from `unknown`, French errors, nothing changed on refusal, never a throw.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createInvoker, handlers, type HandlerTable, type Invoke } from '../../src/main/ipc/handlers';
import { createContext, type ServiceContext } from '../../src/main/services/context';
import { Store } from '../../src/main/store/store';
import { channelNames } from '../../src/shared/contract';
import type { Deleted, PartnerRow } from '../../src/shared/contract/directory';
import { common } from '../../src/shared/i18n/common';
import type { Organisation } from '../../src/shared/model';
import { DomainError, type Result } from '../../src/shared/result';
import { cleanTempDirs, looksFrench, sampleDatastore, sha256, tempDir } from '../helpers/fixtures';

let store: Store;
let ctx: ServiceContext;
let invoke: Invoke;
let logged: unknown[];

beforeEach(async () => {
  store = Store.open(tempDir(), { owner: 'test' });
  await store.initialise(sampleDatastore());
  ctx = createContext(store);
  logged = [];
  invoke = createInvoker(ctx, handlers, (e) => logged.push(e));
});

afterEach(async () => {
  await store.close();
  cleanTempDirs();
});

function value<T>(r: Result<unknown>): T {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message}`);
  return r.value as T;
}

/** Invokes and expects a French refusal that changed neither the document nor the file. */
async function refused(channel: string, payload: unknown, code: string): Promise<{ message: string; field?: string }> {
  const data = structuredClone(store.data);
  const hash = sha256(store.file);
  const r = await invoke(channel, payload);
  expect(r.ok, JSON.stringify(r)).toBe(false);
  if (r.ok) throw new Error('unreachable');
  expect(r.error.code).toBe(code);
  expect(looksFrench(r.error.message), r.error.message).toBe(true);
  expect(store.data).toEqual(data);
  await store.flush();
  expect(sha256(store.file)).toBe(hash);
  return r.error;
}

describe('handler table', () => {
  it('has exactly one handler per contract channel', () => {
    expect(Object.keys(handlers).sort()).toEqual([...channelNames].sort());
    for (const name of channelNames) expect(typeof (handlers as Record<string, unknown>)[name]).toBe('function');
  });
});

describe('partner CRUD through the invoker', () => {
  const catId = () => store.data.categories[0].id;

  it('creates, reads, updates and lists a partner from plain payloads', async () => {
    const org = value<Organisation>(await invoke('partners:create', { name: '  Centre social Les Tilleuls  ', categoryId: catId(), email: 'contact@tilleuls.fr' }));
    expect(org.name).toBe('Centre social Les Tilleuls');
    expect(value<{ organisation: Organisation }>(await invoke('partners:get', { id: org.id })).organisation).toEqual(org);
    const upd = value<Organisation>(await invoke('partners:update', { id: org.id, patch: { shortName: 'CS Tilleuls' } }));
    expect(upd.shortName).toBe('CS Tilleuls');
    const rows = value<PartnerRow[]>(await invoke('partners:list', { query: 'tilleuls' }));
    expect(rows.map((r) => r.id)).toEqual([org.id]);
    expect(value<PartnerRow[]>(await invoke('partners:list', undefined))).toHaveLength(4);
  });

  const invalidCreates: [string, () => unknown, string, string | undefined][] = [
    ['missing name', () => ({ categoryId: catId() }), 'invalid_input', 'name'],
    ['blank name', () => ({ name: '    ', categoryId: catId() }), 'invalid_input', 'name'],
    ['name of 400 characters', () => ({ name: 'N'.repeat(400), categoryId: catId() }), 'invalid_input', 'name'],
    ['name of the wrong type', () => ({ name: 42, categoryId: catId() }), 'invalid_input', 'name'],
    ['bad e-mail', () => ({ name: 'Nouvelle structure', categoryId: catId(), email: 'pas-une-adresse' }), 'invalid_input', 'email'],
    ['bad date', () => ({ name: 'Nouvelle structure', categoryId: catId(), officeHolderChangedAt: '03/03/2026' }), 'invalid_input', 'officeHolderChangedAt'],
    ['unknown category', () => ({ name: 'Nouvelle structure', categoryId: 'cat_imaginaire' }), 'invalid_input', 'categoryId'],
    ['duplicate name', () => ({ name: 'Police Municipale', categoryId: catId() }), 'conflict', 'name'],
    ['null payload', () => null, 'invalid_input', undefined],
    ['string payload', () => 'Police', 'invalid_input', undefined],
    ['array payload', () => [{ name: 'x', categoryId: catId() }], 'invalid_input', undefined],
  ];
  for (const [name, payload, code, field] of invalidCreates) {
    it(`partners:create refuses a ${name} in French and changes nothing`, async () => {
      const err = await refused('partners:create', payload(), code);
      if (field) expect(err.field).toBe(field);
    });
  }

  it('the invalid e-mail message is the catalogue one', async () => {
    const err = await refused('partners:create', { name: 'Nouvelle structure', categoryId: catId(), email: 'a@b' }, 'invalid_input');
    expect(err.message).toContain(common.errors.invalidEmail);
  });

  it('partners:update refuses invalid patches and unknown ids, changing nothing', async () => {
    await refused('partners:update', { id: 'org_mairie', patch: { name: '' } }, 'invalid_input');
    await refused('partners:update', { id: 'org_mairie', patch: { email: 'x@' } }, 'invalid_input');
    await refused('partners:update', { id: 'org_mairie', patch: { name: 'Police municipale' } }, 'conflict');
    await refused('partners:update', { id: 'org_mairie', patch: { categoryId: 'cat_x' } }, 'invalid_input');
    await refused('partners:update', { id: 'org_nope', patch: { name: 'Autre' } }, 'not_found');
    await refused('partners:update', { patch: { name: 'Autre' } }, 'invalid_input');
  });

  it('partners:delete is refused while the partner is referenced', async () => {
    const err = await refused('partners:delete', { id: 'org_police' }, 'conflict');
    expect(err.message).toMatch(/Police municipale.*action\(s\) du plan/);
    await refused('partners:delete', { id: 'org_mairie' }, 'conflict');
    await refused('partners:delete', {}, 'invalid_input');
    await refused('partners:delete', { id: 'org_nope' }, 'not_found');
  });

  it('partners:delete then undo:restore brings the partner and its contacts back', async () => {
    const before = structuredClone(store.data);
    const del = value<Deleted>(await invoke('partners:delete', { id: 'org_libre' }));
    expect(store.data.organisations.some((o) => o.id === 'org_libre')).toBe(false);
    expect(value<{ label: string }>(await invoke('undo:restore', { undoToken: del.undoToken })).label).toBe(del.label);
    expect(store.data.organisations).toEqual(before.organisations);
    expect([...store.data.people].sort((a, b) => a.id.localeCompare(b.id))).toEqual(before.people);
    // On disk too.
    await store.flush();
    await store.close();
    store = Store.open(store.dataDir, { owner: 'test' });
    expect(store.data.organisations).toEqual(before.organisations);
    // Spent or forged tokens are refused.
    ctx = createContext(store);
    invoke = createInvoker(ctx, handlers, (e) => logged.push(e));
    await refused('undo:restore', { undoToken: del.undoToken }, 'not_found');
    await refused('undo:restore', { undoToken: '' }, 'invalid_input');
  });

  it('people:create validates the contact', async () => {
    await refused('people:create', { organisationId: 'org_mairie', civility: 'Dr', firstName: 'A', lastName: 'B' }, 'invalid_input');
    await refused('people:create', { organisationId: 'org_mairie', civility: 'M.', firstName: 'A', lastName: '' }, 'invalid_input');
    await refused('people:create', { organisationId: 'org_mairie', civility: 'M.', firstName: 'A', lastName: 'B', email: 'b@' }, 'invalid_input');
    await refused('people:create', { organisationId: 'org_absente', civility: 'M.', firstName: 'A', lastName: 'B' }, 'not_found');
  });
});

describe('invoker safety', () => {
  it('answers an unknown channel with a French error, including inherited property names', async () => {
    for (const channel of ['partners:explode', 'toString', '__proto__', 'constructor', '']) {
      const r = await invoke(channel, {});
      expect(r).toEqual({ ok: false, error: { code: 'invalid_input', message: common.errors.unknownChannel(channel) } });
    }
    expect(common.errors.unknownChannel('x')).toMatch(/^Opération inconnue/);
  });

  it('turns an unexpected exception (sync or async) into a French "internal" error and logs it', async () => {
    const boom = new Error('database exploded');
    const table: HandlerTable = {
      ...handlers,
      'partners:list': () => {
        throw boom;
      },
      'categories:list': async () => {
        await Promise.resolve();
        throw new TypeError('cannot read x of undefined');
      },
    };
    const inv = createInvoker(ctx, table, (e) => logged.push(e));
    for (const [channel, payload] of [
      ['partners:list', undefined],
      ['categories:list', undefined],
    ] as const) {
      const r = await inv(channel, payload);
      expect(r).toEqual({ ok: false, error: { code: 'internal', message: common.errors.internal } });
    }
    expect(looksFrench(common.errors.internal)).toBe(true);
    expect(logged[0]).toBe(boom);
    expect(logged).toHaveLength(2);
  });

  it('reports a broken datastore as a French io error, not an internal one', async () => {
    const spy = vi.spyOn(store, 'data', 'get').mockImplementation(() => {
      throw new DomainError('io', 'Le fichier est endommagé : restaurez une sauvegarde.');
    });
    try {
      const r = await invoke('partners:list', undefined);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('io');
      expect(logged).toEqual([]);
    } finally {
      spy.mockRestore();
    }
  });

  it('reports app:state for an empty folder and refuses settings on it in French', async () => {
    const empty = Store.open(tempDir(), { owner: 'test' });
    try {
      const inv = createInvoker(createContext(empty), handlers, (e) => logged.push(e));
      const st = await inv('app:state', undefined);
      expect(st.ok && (st.value as { status: string }).status).toBe('empty');
      const r = await inv('settings:get', undefined);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(looksFrench(r.error.message)).toBe(true);
    } finally {
      await empty.close();
    }
  });
});
