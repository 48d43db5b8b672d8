// The channel fuzzer: runs of random calls on a fresh demo world, each call checked, each run ending with `clspd check` and a reopen.
import { existsSync, readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { loadArchive } from '../../src/main/store/archives';
import { Store } from '../../src/main/store/store';
import { readEnvelope, Vault, vaultPath } from '../../src/main/vault/vault';
import { channelNames, contract, type ChannelName } from '../../src/shared/contract';
import type { Result } from '../../src/shared/result';
import { looksFrench } from '../helpers/fixtures';
import { cloneProblem, pollutionProblem, storedProtoKey } from './checks';
import { payloadArb } from './derive';
import { hintFor } from './refs';
import { type Captured, type DemoTemplate, firstDifference, World } from './world';

/** Relative frequency of each channel. Generating PDFs, workbooks and archives costs 20–500 ms a call: they are drawn less often. */
const HEAVY: Partial<Record<ChannelName, number>> = {
  'documents:convocation': 1,
  'documents:emargement': 1,
  'documents:minutes': 1,
  'documents:plan': 1,
  'documents:fiche': 1,
  'documents:dashboard': 1,
  'documents:members': 1,
  'documents:rules': 2,
  'documents:charter': 1,
  'documents:charterReview': 2,
  'register:statsPdf': 2,
  'register:journalPdf': 2,
  'vault:recover': 2,
  'vault:changePassphrase': 2,
  'vault:recoveryPdf': 2,
  'vault:unlock': 4,
  'retention:apply': 2,
  'sharing:prepareEmail': 3,
  'sharing:exportTable': 2,
  'sharing:exportDossier': 1,
  'sharing:exportMinutesDocx': 1,
  'sharing:exportUpdatePack': 2,
  'sharing:exportBackup': 2,
  'sharing:previewImport': 3,
  'sharing:remapImport': 3,
  'sharing:applyImport': 3,
  'strategy:archive': 2,
  'strategy:createPeriod': 3,
  'backups:create': 1,
  'backups:restore': 2,
  'app:restoreFromFile': 2,
  'app:demo': 1,
  'app:setup': 2,
};
const DEFAULT_WEIGHT = 10;

export interface Call {
  channel: ChannelName;
  payload: unknown;
  /** Steers the fake dialogs (which file is picked, or a cancel). */
  dialog: number;
}

export interface ChannelStats {
  calls: number;
  /** Payloads the contract's schema accepted, so the handler ran. */
  validated: number;
  ok: number;
  refused: Record<string, number>;
  ms: number;
}

export interface FuzzReport {
  seed: number;
  calls: number;
  runs: number;
  ms: number;
  stats: Record<string, ChannelStats>;
}

export const callArb: fc.Arbitrary<Call> = fc.oneof(
  ...channelNames.map((channel) => ({
    weight: HEAVY[channel] ?? DEFAULT_WEIGHT,
    arbitrary: fc.record({ channel: fc.constant(channel), payload: payloadArb(contract[channel].input, hintFor(channel)), dialog: fc.nat(1000) }),
  })),
);

export class PropertyFailure extends Error {}

function show(v: unknown): string {
  const s = fc.stringify(v);
  return s.length > 1500 ? `${s.slice(0, 1500)}… (${s.length} characters)` : s;
}

/**
 * Bugs the fuzzer found in libraries' use that are not fixed yet (each depends on what the process did before, so a
 * shrunk run does not replay it alone). They are counted in the report instead of stopping the run; every other
 * internal error fails it. Remove an entry once its bug is fixed.
 */
const KNOWN_OPEN: [string, RegExp][] = [];
/** How many calls met each known open bug in this process. */
export const openBugs: Record<string, number> = {};

function knownOpen(e: unknown): string | undefined {
  const text = (e as Error)?.stack ?? String(e);
  return KNOWN_OPEN.find(([, re]) => re.test(text))?.[0];
}

/** One call through the invoker, with every per-call property checked. Throws a PropertyFailure naming the call. */
export async function step(world: World, call: Call, stats: Record<string, ChannelStats>): Promise<void> {
  await world.ready;
  world.calls++;
  world.dialogPick = call.dialog;
  const s = (stats[call.channel] ??= { calls: 0, validated: 0, ok: 0, refused: {}, ms: 0 });
  s.calls++;
  // Payloads cross Electron's IPC as structured clones: fuzz what the main process would actually receive.
  const payload = structuredClone(world.resolve(call.channel, call.payload));
  const validates = contract[call.channel].input.safeParse(payload).success;
  let before: Captured | undefined;
  let disk = '';
  if (validates) {
    s.validated++;
    await world.store.flush();
    before = world.capture();
    disk = world.diskState();
  }
  const fail = (what: string, result?: unknown): never => {
    throw new PropertyFailure(`${what}\n  call #${world.calls} ${call.channel}\n  payload: ${show(payload)}${result === undefined ? '' : `\n  result: ${show(result)}`}`);
  };
  const t0 = performance.now();
  let r: Result<unknown>;
  try {
    r = await world.invoke(call.channel, payload);
  } catch (e) {
    return fail(`the invoker threw: ${(e as Error)?.stack ?? String(e)}`);
  }
  s.ms += performance.now() - t0;
  const pollution = pollutionProblem();
  if (pollution) fail(`prototype pollution: ${pollution}`, r);
  const known = world.logged.length ? knownOpen(world.logged[0]) : undefined;
  if (known) {
    // Reported, not failed: see KNOWN_OPEN.
    openBugs[known] = (openBugs[known] ?? 0) + 1;
    world.logged.length = 0;
  }
  if (world.logged.length) fail(`an unexpected error reached the invoker: ${(world.logged[0] as Error)?.stack ?? String(world.logged[0])}`, r);
  if (!r.ok) {
    s.refused[r.error.code] = (s.refused[r.error.code] ?? 0) + 1;
    if (r.error.code === 'internal' && !known) fail('refused with an internal error', r);
    if (!r.error.message || !looksFrench(r.error.message)) fail('the refusal is not a French sentence', r);
    if (!validates) {
      if (r.error.code !== 'invalid_input') fail('the schema refuses this payload but the refusal is not invalid_input', r);
      return;
    }
    const changed = world.changedSince(before!);
    if (changed) fail(`a refusal changed the document in memory (${changed})`, r);
    await world.store.flush();
    const after = world.diskState();
    if (after !== disk && !(world.store.isReady && sameExceptRewrite(disk, after) && readFileSync(world.store.file, 'utf8') === JSON.stringify(world.store.data))) {
      fail(`a refusal changed the data folder (${disk} → ${after})`, r);
    }
    return;
  }
  s.ok++;
  if (!validates) fail('the schema refuses this payload but the call succeeded', r);
  // A new passphrase of the coffre: later calls may type it (older ones stay in the pool: a restore may bring them back).
  const typed = (payload as { passphrase?: unknown; newPassphrase?: unknown } | undefined) ?? {};
  const passphrase = call.channel === 'vault:create' ? typed.passphrase : call.channel === 'vault:recover' || call.channel === 'vault:changePassphrase' ? typed.newPassphrase : undefined;
  if (typeof passphrase === 'string') world.seen.add('passphrase', passphrase);
  const clone = cloneProblem(r.value);
  if (clone) fail(`the result does not survive structured clone: ${clone}`, r);
  world.seen.record(call.channel, r.value);
}

/** True when the only difference is clspd.json written again (its content is compared by the caller). */
function sameExceptRewrite(a: string, b: string): boolean {
  const strip = (s: string) => s.split('|').filter((e) => !e.startsWith('clspd.json:')).join('|');
  return strip(a) === strip(b);
}


/**
 * End of a run: nothing stored with a prototype key; what `clspd check` verifies holds (the main file reads and
 * validates — Store.open runs the same inspection —, every archived period loads, the coffre's envelope is
 * sound); the folder reopens with the same data, and the coffre with the same content.
 */
export async function finalChecks(world: World): Promise<void> {
  await world.store.flush();
  if (!world.store.isReady) return;
  const secret = world.vault.state === 'unlocked' ? world.vault.read() : undefined;
  const proto = storedProtoKey(world.store.data) ?? storedProtoKey(secret, '$vault');
  if (proto) throw new PropertyFailure(`the stored document holds a prototype key: ${proto}`);
  const memory = world.store.data;
  await world.store.close();
  world.store = Store.open(world.dir, { owner: 'test' });
  if (world.store.state.status === 'broken') throw new PropertyFailure(`the data file fails clspd check after the run: ${world.store.state.message}`);
  if (!world.store.isReady) throw new PropertyFailure(`the data folder does not reopen: ${world.store.state.status}`);
  for (const period of world.store.data.periods) {
    if (!period.archiveFile) continue;
    const archive = loadArchive(world.dir, period);
    if (!archive.ok) throw new PropertyFailure(`the archive of period ${period.id} fails clspd check: ${JSON.stringify(archive)}`);
  }
  if (existsSync(vaultPath(world.dir))) readEnvelope(vaultPath(world.dir));
  // Key order may differ (the model's parse orders keys as the schema does): compare values.
  if (!sameValues(world.store.data, memory)) {
    throw new PropertyFailure(`the reopened document differs from the one in memory (${firstDifference(JSON.stringify(memory), JSON.stringify(world.store.data))})`);
  }
  // The coffre reopens too: one of the passphrases of the run unlocks it and gives back the document in memory.
  if (secret) {
    let again: Vault | undefined;
    for (const p of world.seen.pools.get('passphrase') ?? []) {
      // A fresh Vault per try: a wrong passphrase delays the next try on the same object.
      const v = new Vault(world.dir);
      if (await v.unlock(p).then(() => true, () => false)) {
        again = v;
        break;
      }
    }
    if (!again) throw new PropertyFailure('the coffre does not reopen with any passphrase of the run');
    if (!sameValues(again.read(), secret)) {
      throw new PropertyFailure(`the reopened coffre differs from the one in memory (${firstDifference(JSON.stringify(secret), JSON.stringify(again.read()))})`);
    }
    again.lock();
  }
}

/** Equal as stored: the same values whatever the key order, keys holding `undefined` ignored (JSON drops them). */
function sameValues(a: unknown, b: unknown): boolean {
  return isDeepStrictEqual(a, b) || isDeepStrictEqual(JSON.parse(JSON.stringify(a)), JSON.parse(JSON.stringify(b)));
}

export interface FuzzOptions {
  calls: number;
  seed: number;
  /** Calls per run (each run starts from a fresh copy of the demo). */
  runSize?: number;
  template: DemoTemplate;
  onRun?: (done: number) => void;
  /** Replays one run of fast-check's report (its `path`) instead of searching. */
  path?: string;
}

/** Runs at least `calls` calls; throws fast-check's report (seed, path, shrunk counterexample) on the first property broken. */
export async function runFuzz(o: FuzzOptions): Promise<FuzzReport> {
  const runSize = o.runSize ?? 200;
  const stats: Record<string, ChannelStats> = {};
  const started = performance.now();
  let calls = 0;
  let runs = 0;
  let shrinking = false;
  // One run in twenty starts in a folder not set up yet (first run: app:setup, restore), one in twenty with the demo made through app:demo.
  const property = fc.asyncProperty(fc.nat(19), fc.array(callArb, { minLength: 1, maxLength: runSize, size: 'max' }), async (start, generated) => {
    const world = World.fromTemplate(o.template, start <= 1);
    const list: Call[] = start === 1 ? [{ channel: 'app:demo', payload: undefined, dialog: 0 }, ...generated] : generated;
    // Replays while shrinking are not counted: the figures describe the search itself.
    const counted = shrinking ? {} : stats;
    try {
      for (const call of list) await step(world, call, counted);
      await finalChecks(world);
    } catch (e) {
      shrinking = true;
      throw e;
    } finally {
      await world.close();
    }
    if (counted === stats) {
      calls += list.length;
      runs++;
      o.onRun?.(calls);
    }
  });
  // Runs have random lengths (so that a failure shrinks to the few calls it needs): rounds go on until enough calls were made.
  for (let round = 0; calls < o.calls; round++) {
    const seed = o.seed + round;
    try {
      await fc.assert(property, { seed, numRuns: Math.max(1, Math.ceil((o.calls - calls) / (runSize / 2))), ...(o.path ? { path: o.path } : {}) });
    } catch (e) {
      const cause = (e as Error).cause;
      throw new PropertyFailure(
        `Fuzz seed ${o.seed}, round ${round} (fast-check seed ${seed}) after ${calls} calls:\n${(e as Error).message}${cause instanceof Error ? `\n\nShrunk failure: ${cause.message}` : ''}`,
      );
    }
  }
  return { seed: o.seed, calls, runs, ms: performance.now() - started, stats };
}
