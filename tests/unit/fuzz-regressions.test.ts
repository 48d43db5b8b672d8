// Regression tests of the bugs the channel fuzzer (tests/fuzz) found in session 2: each one refused a call after changing something.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createInvoker } from '../../src/main/ipc/handlers';
import { setupDemo } from '../../src/main/services/app';
import { createContext, type ServiceContext } from '../../src/main/services/context';
import { DEMO_PASSPHRASE } from '../../src/main/services/vault';
import { Store } from '../../src/main/store/store';
import { Vault } from '../../src/main/vault/vault';
import { looksFrench } from '../helpers/fixtures';

const dirs: string[] = [];
const stores: Store[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'clspd-fuzzreg-'));
  dirs.push(dir);
  return dir;
}

function open(dir: string): { store: Store; vault: Vault; ctx: ServiceContext } {
  const store = Store.open(dir, { owner: 'test' });
  stores.push(store);
  const vault = new Vault(dir);
  const ctx = createContext(store);
  ctx.vault = vault;
  return { store, vault, ctx };
}

/** Every file of the folder with its bytes, to prove that nothing was written. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string, prefix: string) => {
    for (const n of readdirSync(d, { withFileTypes: true })) {
      if (n.name === 'clspd.lock') continue;
      if (n.isDirectory()) walk(join(d, n.name), `${prefix}${n.name}/`);
      else out[`${prefix}${n.name}`] = readFileSync(join(d, n.name)).toString('base64');
    }
  };
  walk(dir, '');
  return out;
}

describe('meetings:update on a confidential meeting', () => {
  it('refuses a next meeting before this one without writing the new notes into the coffre first', async () => {
    const dir = folder();
    const { store, vault, ctx } = open(dir);
    await setupDemo(ctx);
    const invoke = createInvoker(ctx, undefined, () => undefined);
    const meeting = store.data.meetings.find((m) => m.confidentiality === 'confidential' && m.status !== 'validated')!;
    expect(meeting).toBeDefined();
    const data = store.data;
    const secret = vault.read();
    const files = snapshot(dir);
    const r = await invoke('meetings:update', { id: meeting.id, patch: { generalNotes: 'Nouvelles notes confidentielles', nextMeetingDate: '2000-01-15' } });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'nextMeetingDate' } });
    // Both stores unchanged: the committed documents are the same objects, the files the same bytes.
    expect(store.data).toBe(data);
    expect(vault.read()).toBe(secret);
    expect(snapshot(dir)).toEqual(files);
    // The same notes with a valid date are accepted (the refusal was about the date only).
    const ok = await invoke('meetings:update', { id: meeting.id, patch: { generalNotes: 'Nouvelles notes confidentielles' } });
    expect(ok.ok).toBe(true);
    expect(vault.read().meetingTexts.find((t) => t.meetingId === meeting.id)?.generalNotes).toBe('Nouvelles notes confidentielles');
  });
});

describe('app:demo is all or nothing', () => {
  it('refuses in an empty folder whose coffre the demo passphrase does not open, writing nothing', async () => {
    const dir = folder();
    const { store, vault, ctx } = open(dir);
    await vault.create('une autre phrase de passe');
    vault.lock();
    const files = snapshot(dir);
    const r = await createInvoker(ctx, undefined, () => undefined)('app:demo', undefined);
    expect(r).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(store.state.status).toBe('empty');
    expect(vault.state).toBe('locked');
    expect(snapshot(dir)).toEqual(files);
  });

  it('removes the demo document, its backup and its new coffre when a step after the creation fails', async () => {
    const dir = folder();
    const { store, vault, ctx } = open(dir);
    // The register seeding fails (a disk error while the coffre is written, say).
    const update = vault.update.bind(vault);
    let calls = 0;
    vault.update = async (mutate) => {
      if (++calls === 2) throw new Error('EIO: erreur d’écriture simulée');
      return update(mutate);
    };
    const logged: unknown[] = [];
    const r = await createInvoker(ctx, undefined, (e) => logged.push(e))('app:demo', undefined);
    expect(r.ok).toBe(false);
    expect(calls).toBe(2);
    expect(store.state.status).toBe('empty');
    expect(vault.state).toBe('absent');
    expect(snapshot(dir)).toEqual({});
    expect(existsSync(join(dir, 'clspd.json'))).toBe(false);
    // Once the disk is fine again, the demo is created whole.
    vault.update = update;
    const again = await createInvoker(ctx)('app:demo', undefined);
    expect(again.ok).toBe(true);
    expect(vault.read().situations.length).toBeGreaterThan(0);
  });

  it('opens a coffre already in the empty folder with the demo passphrase', async () => {
    const dir = folder();
    const { store, vault, ctx } = open(dir);
    await vault.create(DEMO_PASSPHRASE);
    vault.lock();
    const r = await createInvoker(ctx)('app:demo', undefined);
    expect(r.ok).toBe(true);
    expect(store.data.settings.demo).toBe(true);
    expect(vault.state).toBe('unlocked');
  });
});

describe('restoring a backup while the coffre is unlocked', () => {
  it('forgets the coffre session: the register no longer shows texts the restored folder lacks, and nothing brings the old coffre back', async () => {
    const dir = folder();
    const { store, vault, ctx } = open(dir);
    const invoke = createInvoker(ctx, undefined, () => undefined);
    expect((await invoke('app:demo', undefined)).ok).toBe(true);
    expect(vault.state).toBe('unlocked');
    // The backup the demo's creation left (made when clspd.json was written, before the coffre existed).
    const list = await invoke('backups:list', undefined);
    const first = (list as { ok: true; value: { name: string }[] }).value.at(-1)!;
    expect((await invoke('backups:restore', { name: first.name })).ok).toBe(true);
    expect(existsSync(vault.file)).toBe(false);
    expect(vault.state).toBe('absent');
    expect(await invoke('register:view', undefined)).toMatchObject({ ok: false });
    // A later change of the main document does not resurrect the replaced coffre.
    const person = store.data.people[0]!;
    expect((await invoke('people:update', { id: person.id, patch: { jobTitle: 'Chargée de mission' } })).ok).toBe(true);
    expect(existsSync(vault.file)).toBe(false);
  });
});

describe('vault:setIdleMinutes out of range', () => {
  it('is refused with a French sentence (was « minutes : Au moins 1 minute. »)', async () => {
    const { ctx } = open(folder());
    await setupDemo(ctx);
    const invoke = createInvoker(ctx, undefined, () => undefined);
    for (const minutes of [0, 241]) {
      const r = await invoke('vault:setIdleMinutes', { minutes });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(looksFrench(r.error.message), r.error.message).toBe(true);
    }
  });
});

describe('strategy:createPeriod with an action named twice in the carry-over', () => {
  it('carries it over once instead of failing with an internal error', async () => {
    const { store, ctx } = open(folder());
    await setupDemo(ctx);
    const invoke = createInvoker(ctx, undefined, () => undefined);
    const action = store.data.actions.find((a) => a.status !== 'done' && a.status !== 'abandoned')!;
    const r = await invoke('strategy:createPeriod', { title: 'Stratégie 2030–2032', startYear: 2030, endYear: 2032, carryOverActionIds: [action.id, action.id] });
    expect(r.ok, JSON.stringify(r)).toBe(true);
    const period = store.data.periods.find((p) => p.title === 'Stratégie 2030–2032')!;
    const axes = new Set(store.data.axes.filter((a) => a.periodId === period.id).map((a) => a.id));
    const objectives = new Set(store.data.objectives.filter((o) => axes.has(o.axisId)).map((o) => o.id));
    expect(store.data.actions.filter((a) => !!a.objectiveId && objectives.has(a.objectiveId) && a.title === action.title)).toHaveLength(1);
  });
});
