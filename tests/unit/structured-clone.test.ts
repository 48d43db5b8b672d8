// Every IPC result survives Electron's structured clone (Node's structuredClone is the same algorithm): one successful call
// per channel of the contract on the demo, with its real encrypted coffre (demo passphrase) and the app's updates controller;
// the few channels that cannot succeed here are listed with the reason, and their refusal (also an IPC result) must clone.
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createUpdates } from '../../src/main/app/updates';
import { configureLog } from '../../src/main/log';
import { setupDemo } from '../../src/main/services/app';
import { createContext } from '../../src/main/services/context';
import { DEMO_PASSPHRASE } from '../../src/main/services/vault';
import { Store } from '../../src/main/store/store';
import { Vault } from '../../src/main/vault';
import { channelNames, contract, type ChannelName } from '../../src/shared/contract';
import { charterApplies } from '../../src/shared/instance-rules';
import type { Result } from '../../src/shared/result';
import { cloneProblem } from '../fuzz/checks';
import { validArb } from '../fuzz/derive';
import { hintFor } from '../fuzz/refs';
import { FUZZ_EPOCH, fuzzTmp, World } from '../fuzz/world';

const root = mkdtempSync(join(fuzzTmp(), 'clspd-clone-'));
process.env.CLSPD_DOCUMENTS_TMP ??= join(root, 'documents');
/** The demo folder built once: clspd.json, the coffre created with the demo passphrase, the demo register in it. */
const demoDir = join(root, 'demo');
let template = '';

beforeAll(async () => {
  const store = Store.open(demoDir, { owner: 'test', now: () => new Date(FUZZ_EPOCH) });
  const ctx = createContext(store, {}, () => new Date(FUZZ_EPOCH));
  const vault = new Vault(demoDir);
  ctx.vault = vault;
  await setupDemo(ctx);
  await store.close();
  vault.lock();
  template = readFileSync(join(demoDir, 'clspd.json'), 'utf8');
  // « Ouvrir le journal technique » needs a log that writes files, as in the app.
  configureLog({ dir: join(root, 'logs') });
}, 120_000);
afterAll(() => {
  configureLog(null);
  rmSync(root, { recursive: true, force: true });
});

/** demo: the demo with its coffre, unlocked; empty: a folder not set up yet; noVault: the demo before any passphrase. */
type Kind = 'demo' | 'empty' | 'noVault';

async function makeWorld(kind: Kind): Promise<World> {
  const copyCoffre = (dir: string) => cpSync(demoDir, dir, { recursive: true, filter: (src) => !['clspd.json', 'clspd.lock'].includes(basename(src)) });
  const world = World.create(template, kind === 'empty', { prepare: kind === 'demo' ? copyCoffre : undefined, vault: (dir) => new Vault(dir) });
  if (kind === 'demo') await (world.vault as Vault).unlock(DEMO_PASSPHRASE);
  // The installed app's updates controller, electron-updater replaced by a feed that always has version 0.2.0.
  let enabled = false;
  world.ctx.platform.updates = createUpdates({
    createUpdater: () => ({
      autoDownload: true,
      autoInstallOnAppQuit: true,
      allowPrerelease: true,
      allowDowngrade: true,
      checkForUpdates: async () => ({ isUpdateAvailable: true, updateInfo: { version: '0.2.0' } }),
      downloadUpdate: async () => ['Coordination-CLSPD-0.2.0-installation-x64.exe'],
      quitAndInstall: () => undefined,
      setFeedURL: () => undefined,
      on: () => undefined,
    }),
    createCancellation: () => ({ cancel: () => undefined }),
    readEnabled: () => enabled,
    writeEnabled: (e) => void (enabled = e),
    policy: { forbidden: false, badUrl: false },
    packaged: true,
    currentVersion: '0.1.0',
    seanceRunning: () => false,
    ask: async () => false, // « Plus tard »: the test never quits
    prepareInstall: async () => undefined,
    now: () => new Date(FUZZ_EPOCH),
  });
  return world;
}

const PASSPHRASE = 'une phrase de passe pour le test';
const twice = (p: string) => ({ newPassphrase: p, confirmation: p });
type Results = Map<ChannelName, unknown>;
const situationId = (w: World) => w.vault.read().situations.find((s) => s.status !== 'archived')!.id;

/** Payloads a generator would not find (a passphrase, a key returned earlier, a year matching a date): given here. */
const EXPLICIT: Partial<Record<ChannelName, (w: World, r: Results) => unknown>> = {
  'vault:unlock': () => ({ passphrase: DEMO_PASSPHRASE }),
  'vault:create': () => ({ passphrase: PASSPHRASE, confirmation: PASSPHRASE }),
  'vault:recover': (_w, r) => ({ recoveryKey: (r.get('vault:create') as { recoveryKey: string }).recoveryKey, ...twice('une nouvelle phrase de passe') }),
  'vault:changePassphrase': () => ({ current: DEMO_PASSPHRASE, ...twice('une autre phrase de passe') }),
  'instances:saveCharterReview': (w) => ({ instanceId: w.store.data.instances.find(charterApplies)!.id, year: 2026, reviewedOn: '2026-11-10', summary: 'Bilan de l’année.' }),
  'instances:deleteCharterReview': (_w, r) => {
    const inst = r.get('instances:saveCharterReview') as { id: string; charterReviews: { id: string }[] };
    return { instanceId: inst.id, reviewId: inst.charterReviews.at(-1)!.id };
  },
  'register:updateOptions': () => ({ correspondenceEnabled: true }),
  'register:correspondenceReveal': (w) => ({ id: situationId(w), passphrase: DEMO_PASSPHRASE }),
  'register:correspondenceSet': (w, r) => ({ id: situationId(w), token: (r.get('register:correspondenceReveal') as { token: string }).token, name: 'Nom de test' }),
  'updates:setEnabled': () => ({ enabled: true }),
  // The demo register uses its lists' codes: a list may grow (or retire a value), not lose a code in use.
  'register:updateList': (_w, r) => {
    const origins = (r.get('register:settings') as { origins: { code: string; label: string; retired?: boolean }[] }).origins;
    return { list: 'origins', items: [...origins, { code: 'test_nouvelle_origine', label: 'Nouvelle origine' }] };
  },
};

/** Calls `channel` (its explicit payload, or generated valid ones until one succeeds); returns its value. */
async function succeed(world: World, channel: ChannelName, results: Results, accept: (v: unknown) => boolean = () => true, tries = 80): Promise<{ value: unknown } | undefined> {
  const explicit = EXPLICIT[channel];
  const payloads = explicit ? [explicit(world, results)] : fc.sample(validArb(contract[channel].input, hintFor(channel)), { seed: 7, numRuns: tries });
  for (const [i, p] of payloads.entries()) {
    world.calls++;
    world.dialogPick = i + 1;
    const payload = structuredClone(explicit ? p : world.resolve(channel, p));
    const r: Result<unknown> = await world.invoke(channel, payload);
    if (r.ok) {
      world.seen.record(channel, r.value);
      results.set(channel, r.value);
      if (accept(r.value)) return { value: r.value };
    }
  }
  return undefined;
}

type Prelude = [ChannelName, ((v: unknown) => boolean)?];
const has = (key: string) => (v: unknown) => v !== null && typeof v === 'object' && key in v;
const nonEmpty = (v: unknown) => Array.isArray(v) && v.length > 0;
const preview: Prelude[] = [['sharing:exportTable'], ['sharing:previewImport', has('token')]];
const closedPeriod: Prelude[] = [['strategy:createPeriod'], ['strategy:closePeriod']];
const situation: Prelude[] = [['register:create']];
const correspondence: Prelude[] = [['register:updateOptions']];

/** What must succeed first in the same folder: a document to address by token, an import to remap, a deletion to undo… */
const PRELUDES: Partial<Record<ChannelName, Prelude[]>> = {
  'documents:bytes': [['documents:plan']],
  'documents:saveAs': [['documents:plan']],
  'documents:open': [['documents:plan']],
  'documents:showInFolder': [['documents:plan']],
  'undo:restore': [['actions:deleteMilestone']],
  'partners:delete': [['partners:create']],
  'objectives:delete': [['objectives:create']],
  'actions:openAttachment': [['actions:addAttachment', has('attachments')]],
  'actions:deleteAttachment': [['actions:addAttachment', has('attachments')]],
  // A backup's preview has no columns to map: remapping needs a table's.
  'sharing:remapImport': [['sharing:exportTable'], ['sharing:previewImport', (v) => has('mapping')(v) && (v as { mapping?: unknown[] }).mapping !== undefined]],
  'sharing:applyImport': preview,
  'sharing:cancelImport': preview,
  'strategy:archive': closedPeriod,
  'meetings:archivedGet': [...closedPeriod, ['strategy:archive'], ['meetings:archived', nonEmpty]],
  'register:get': situation,
  'register:update': situation,
  'register:setStatus': situation,
  'retention:postpone': situation,
  'register:correspondenceReveal': correspondence,
  'register:correspondenceSet': [...correspondence, ['register:correspondenceReveal']],
  'instances:deleteCharterReview': [['instances:saveCharterReview']],
  'register:updateList': [['register:settings']],
  'vault:unlock': [['vault:lock']],
  'vault:recover': [['vault:create'], ['vault:lock']],
  'updates:check': [['updates:setEnabled']],
  'updates:install': [['updates:setEnabled'], ['updates:check']],
};

/** The kind of folder a channel needs to succeed (the demo, unlocked, otherwise). */
const WORLD: Partial<Record<ChannelName, Kind>> = {
  'app:setup': 'empty',
  'app:demo': 'empty',
  'vault:create': 'noVault',
  'vault:recover': 'noVault',
};

/**
 * Channels that cannot succeed in this test, with the reason; their refusal must still clone.
 */
const UNREACHABLE: Partial<Record<ChannelName, string>> = {
  'retention:postpone': 'needs a purge falling due within the notice window; no situation or confidential text of the demo reaches its retention date in the next 30 days',
  'audit:list': 'the audit log exists only on the team server (PostgreSQL), which puts its reader in the context; the desktop refuses it',
  'team:connect': 'needs the desktop team client and a running team server (HTTPS, PostgreSQL), which this test does not start',
  'team:setPassword': 'needs the desktop team client and a running team server (HTTPS, PostgreSQL), which this test does not start',
  'team:disconnect': 'needs the desktop team client connected to a team server, which this test does not start',
};

it('every channel of the contract returns a result equal to its structured clone (or is listed as unreachable, with why)', async () => {
  const failures: string[] = [];
  let succeeded = 0;
  let refusalsChecked = 0;
  for (const channel of channelNames) {
    const world = await makeWorld(WORLD[channel] ?? 'demo');
    const results: Results = new Map();
    try {
      for (const [before, accept] of PRELUDES[channel] ?? []) {
        if (!(await succeed(world, before, results, accept))) failures.push(`${channel}: its prelude ${before} never succeeded`);
      }
      if (UNREACHABLE[channel]) {
        const sample = fc.sample(validArb(contract[channel].input, hintFor(channel)), { seed: 7, numRuns: 1 })[0];
        const refusal = await world.invoke(channel, structuredClone(world.resolve(channel, sample)));
        if (refusal.ok) failures.push(`${channel}: listed as unreachable but succeeded — remove it from UNREACHABLE`);
        expect(cloneProblem(refusal), channel).toBeUndefined();
        expect(structuredClone(refusal), channel).toEqual(refusal);
        refusalsChecked++;
        continue;
      }
      const got = await succeed(world, channel, results);
      if (!got) {
        failures.push(`${channel}: no valid payload succeeded`);
        continue;
      }
      const problem = cloneProblem(got.value);
      if (problem) failures.push(`${channel}: ${problem}`);
      expect(structuredClone(got.value), channel).toEqual(got.value);
      succeeded++;
    } finally {
      await world.close();
    }
  }
  expect(failures).toEqual([]);
  // Every channel of the contract was counted once: succeeded, or unreachable with its refusal checked.
  expect(succeeded + refusalsChecked).toBe(channelNames.length);
  expect(refusalsChecked).toBe(Object.keys(UNREACHABLE).length);
  expect(Object.keys(UNREACHABLE).every((c) => channelNames.includes(c as ChannelName))).toBe(true);
}, 600_000);
