// Every IPC result survives Electron's structured clone (Node's structuredClone is the same algorithm): one successful call per channel on the demo.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { channelNames, contract, type ChannelName } from '../../src/shared/contract';
import type { Result } from '../../src/shared/result';
import { cloneProblem } from '../fuzz/checks';
import { validArb } from '../fuzz/derive';
import { hintFor } from '../fuzz/refs';
import { demoTemplate, World } from '../fuzz/world';

let template = '';
const docs = mkdtempSync(join(tmpdir(), 'clspd-clone-docs-'));
process.env.CLSPD_DOCUMENTS_TMP ??= docs;
beforeAll(async () => {
  template = await demoTemplate();
}, 60_000);
afterAll(() => rmSync(docs, { recursive: true, force: true }));

/** Calls `channel` with generated valid payloads until one succeeds; returns its value (undefined when none did). */
async function succeed(world: World, channel: ChannelName, accept: (v: unknown) => boolean = () => true, tries = 80): Promise<{ value: unknown } | undefined> {
  const payloads = fc.sample(validArb(contract[channel].input, hintFor(channel)), { seed: 7, numRuns: tries });
  for (const [i, p] of payloads.entries()) {
    world.calls++;
    world.dialogPick = i + 1;
    const payload = structuredClone(world.resolve(channel, p));
    const r: Result<unknown> = await world.invoke(channel, payload);
    if (r.ok) {
      world.seen.record(channel, r.value);
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
};

/**
 * Channels that cannot succeed on a fresh demo, with the reason; their refusal (also an IPC result) must still clone.
 * retention:postpone needs a purge falling due within the notice window, and no situation or confidential text of the
 * demo reaches its retention date in the next 30 days.
 */
const NO_SUCCESS_ON_DEMO = new Set<ChannelName>(['retention:postpone']);

/** Channels of the first run: they succeed only in a folder not set up yet. */
const FIRST_RUN = new Set<ChannelName>(['app:setup', 'app:demo']);

it('every channel, called with a valid payload on the demo, returns a result equal to its structured clone', async () => {
  const failures: string[] = [];
  for (const channel of channelNames) {
    const world = World.create(template, FIRST_RUN.has(channel));
    try {
      for (const [before, accept] of PRELUDES[channel] ?? []) {
        if (!(await succeed(world, before, accept))) failures.push(`${channel}: its prelude ${before} never succeeded`);
      }
      if (NO_SUCCESS_ON_DEMO.has(channel)) {
        const sample = fc.sample(validArb(contract[channel].input, hintFor(channel)), { seed: 7, numRuns: 1 })[0];
        const refusal = await world.invoke(channel, structuredClone(world.resolve(channel, sample)));
        expect(refusal.ok, channel).toBe(false);
        expect(cloneProblem(refusal), channel).toBeUndefined();
        continue;
      }
      const got = await succeed(world, channel);
      if (!got) {
        failures.push(`${channel}: no valid payload succeeded on the demo`);
        continue;
      }
      const problem = cloneProblem(got.value);
      if (problem) failures.push(`${channel}: ${problem}`);
      expect(structuredClone(got.value), channel).toEqual(got.value);
    } finally {
      await world.close();
    }
  }
  expect(failures).toEqual([]);
}, 300_000);
