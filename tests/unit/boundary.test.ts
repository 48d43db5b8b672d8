// Boundary review: IPC inputs are bounded, and the renderer can never name a file for the main process to open or read.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contract, type ChannelName, type InputOf, type OutputOf } from '../../src/shared/contract';
import { createInvoker } from '../../src/main/ipc/handlers';
import { createContext, type ServiceContext } from '../../src/main/services/context';
import { buildNewCouncil } from '../../src/main/services/app';
import { Store } from '../../src/main/store/store';
import { archivePath, loadArchive } from '../../src/main/store/archives';

const NOW = new Date('2026-06-01T09:00:00Z');
let dir: string;
let store: Store;
let ctx: ServiceContext;
let invoke: ReturnType<typeof createInvoker>;

async function call<C extends ChannelName>(channel: C, input: InputOf<C>): Promise<OutputOf<C>> {
  const r = await invoke(channel, input);
  if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
  return r.value as OutputOf<C>;
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'clspd-'));
  store = Store.open(dir, { owner: 'test' });
  ctx = createContext(store, {}, () => NOW);
  const doc = buildNewCouncil(
    { communeName: 'Testville', councilAcronym: 'CLSPD', presidentName: 'M', coordinatorName: 'C', periodStartYear: 2023, periodEndYear: 2026, axes: ['Jeunesse'] },
    NOW.toISOString(),
  );
  await store.initialise(doc);
  invoke = createInvoker(ctx, undefined, () => undefined);
});

afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('attachments: paths come only from the main-process dialog', () => {
  it('ignores a path sent with actions:create and actions:update, and keeps the stored path of a linked file', async () => {
    const opened: string[] = [];
    ctx.platform = { chooseOpenPath: async () => '/home/coord/Bilan.pdf', openPath: async (p) => void opened.push(p) };
    const created = await invoke('actions:create', { title: 'A', attachments: [{ id: 'pj_evil', label: 'x', path: '/usr/bin/evil' }] });
    expect(created.ok).toBe(true);
    const a = (created as { ok: true; value: OutputOf<'actions:create'> }).value;
    expect(a.attachments).toEqual([]);
    const linked = await call('actions:addAttachment', { id: a.id });
    const att = linked!.attachments[0];
    const updated = await invoke('actions:update', {
      id: a.id,
      patch: { attachments: [{ id: att.id, label: 'Bilan final', path: '/usr/bin/evil' }, { id: 'pj_new', label: 'Nouveau', path: '/etc/passwd' }] },
    });
    expect(updated.ok).toBe(true);
    const stored = store.data.actions.find((x) => x.id === a.id)!.attachments;
    expect(stored).toEqual([{ id: att.id, label: 'Bilan final', path: '/home/coord/Bilan.pdf' }]);
    await call('actions:openAttachment', { id: a.id, attachmentId: att.id });
    expect(opened).toEqual(['/home/coord/Bilan.pdf']);
  });
});

describe('input schemas are bounded', () => {
  const tooLong = 'x'.repeat(100_000);
  it.each([
    ['partners:get', { id: tooLong }],
    ['partners:list', { categoryId: tooLong }],
    ['people:list', { organisationId: tooLong }],
    ['partners:create', { name: 'Mairie', categoryId: tooLong }],
    ['undo:restore', { undoToken: tooLong }],
    ['settings:update', { logoPath: tooLong }],
    ['settings:update', { logoPath: '/etc/passwd' }],
    ['actions:addFunding', { id: 'act_1', funding: { funder: 'État', requested: 1e300, obtained: 0, spent: 0 } }],
    ['actions:addFunding', { id: 'act_1', funding: { funder: 'État', requested: Number.POSITIVE_INFINITY, obtained: 0, spent: 0 } }],
    ['indicators:addMeasurement', { actionId: 'act_1', indicatorId: 'ind_1', measurement: { date: '2026-01-01', value: Number.NaN } }],
    ['indicators:addMeasurement', { actionId: 'act_1', indicatorId: 'ind_1', measurement: { date: '2026-01-01', value: 1e300 } }],
    ['sharing:remapImport', { token: 'abc', mapping: Object.fromEntries(Array.from({ length: 2000 }, (_, i) => [`c${i}`, 'name'])) }],
    ['meetings:update', { id: 'mtg_1', patch: { date: '1 juin' } }],
    ['meetings:addInvitee', { meetingId: 'mtg_1', guest: { guestName: 'G', guestEmail: 'x@y.fr\r\nBcc: z@evil.example' } }],
    ['settings:update', { coordinatorEmail: 'pas une adresse' }],
    ['meetings:update', { id: 'mtg_1', patch: { date: '2026-02-30' } }],
    ['memberships:end', { id: 'mem_1', endDate: '2026-13-01' }],
    ['people:create', { organisationId: 'org_1', civility: 'Mme', firstName: 'A', lastName: 'B', leftAt: '2026-04-31' }],
    ['actions:addMilestone', { id: 'act_1', milestone: { title: 'J', dueDate: '2026-00-10' } }],
    ['indicators:addMeasurement', { actionId: 'act_1', indicatorId: 'ind_1', measurement: { date: '2025-02-29', value: 1 } }],
  ] as [ChannelName, unknown][])('%s refuses an out-of-bounds input', (channel, input) => {
    expect(contract[channel].input.safeParse(input).success).toBe(false);
  });

  it('accepts real calendar dates', () => {
    expect(contract['meetings:update'].input.safeParse({ id: 'mtg_1', patch: { date: '2028-02-29' } }).success).toBe(true);
    expect(contract['memberships:end'].input.safeParse({ id: 'mem_1', endDate: '2026-12-31' }).success).toBe(true);
    expect(contract['actions:addMilestone'].input.safeParse({ id: 'act_1', milestone: { title: 'J', dueDate: '2026-06-30', doneAt: '' } }).success).toBe(true);
  });

  it('no attachment input carries a path', () => {
    const r = contract['actions:update'].input.safeParse({ id: 'act_1', patch: { attachments: [{ id: 'pj_1', label: 'L', path: '/etc/passwd' }] } });
    expect(r.success).toBe(true);
    expect(JSON.stringify(r.data)).not.toContain('/etc/passwd');
  });
});

describe('archive files are read from the data folder only (strategy, documents and CLI share one reader)', () => {
  it('a stored archiveFile naming another folder resolves to a file name inside the data folder', () => {
    expect(archivePath('/data', { id: 'per_1', archiveFile: '../../etc/passwd' })).toBe(join('/data', 'passwd'));
    expect(archivePath('/data', { id: 'per_1' })).toBe(join('/data', 'archive-per_1.json'));
    const outside = mkdtempSync(join(tmpdir(), 'clspd-out-'));
    writeFileSync(join(outside, 'stolen.json'), '{}');
    const r = loadArchive(dir, { id: 'per_1', archiveFile: join(outside, 'stolen.json') });
    expect(r).toMatchObject({ ok: false, problem: 'missing', file: join(dir, 'stolen.json') });
    rmSync(outside, { recursive: true, force: true });
  });
});
