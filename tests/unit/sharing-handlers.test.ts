// Sharing IPC handlers: files chosen by the main process (save/open dialogs), preview token then apply, strict inputs.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createInvoker } from '../../src/main/ipc/handlers';
import { createContext, type Platform, type ServiceContext } from '../../src/main/services/context';
import { Store } from '../../src/main/store/store';
import type { ExportResult, ImportPreview, ImportResult, SharingOverview } from '../../src/shared/contract/sharing';
import type { Result } from '../../src/shared/result';
import { buildSharingDataset, NOW } from '../fixtures/sharing/dataset';

let dir: string;
let store: Store;
let ctx: ServiceContext;
let saveTo: string | undefined;
let openFrom: string | undefined;
const calls: { save: string[]; opened: string[] } = { save: [], opened: [] };

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'clspd-share-ipc-'));
  store = Store.open(join(dir, 'data'), { owner: 'test', now: () => NOW });
  await store.initialise(buildSharingDataset());
  calls.save = [];
  calls.opened = [];
  const platform: Platform = {
    chooseSavePath: async (name) => {
      calls.save.push(name);
      return saveTo;
    },
    chooseOpenPath: async () => openFrom,
    openPath: async (p) => {
      calls.opened.push(p);
    },
  };
  ctx = createContext(store, platform, () => NOW);
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

async function invoke<T>(channel: string, payload?: unknown): Promise<Result<T>> {
  return (await createInvoker(ctx, undefined, () => undefined)(channel, payload)) as Result<T>;
}

function value<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('sharing handlers', () => {
  it('exports to the path chosen in the save dialog, ignoring any path sent by the renderer', async () => {
    saveTo = join(dir, 'plan.xlsx');
    const r = value(await invoke<ExportResult>('sharing:exportTable', { table: 'actions', format: 'xlsx', path: '/tmp/evil.xlsx' }));
    expect(calls.save).toEqual(['plan-d-actions-2026-11-26.xlsx']);
    expect(r).toMatchObject({ path: saveTo, cancelled: false, confidential: false, excluded: 1 });
    expect(existsSync(saveTo)).toBe(true);
    expect(existsSync('/tmp/evil.xlsx')).toBe(false);
    saveTo = undefined;
    expect(value(await invoke<ExportResult>('sharing:exportTable', { table: 'partners', format: 'csv' })).cancelled).toBe(true);
  });

  it('marks a confidential export and refuses bad inputs in French', async () => {
    saveTo = join(dir, 'd.csv');
    const r = value(await invoke<ExportResult>('sharing:exportTable', { table: 'decisions', format: 'csv', includeConfidential: true }));
    expect(calls.save[0]).toMatch(/^CONFIDENTIEL-/);
    expect(r.message).toContain('CONFIDENTIEL');
    const bad = await invoke('sharing:exportTable', { table: 'secrets', format: 'xlsx' });
    expect(bad.ok).toBe(false);
    const both = await invoke('sharing:exportIcs', { meetingId: 'mee_rest', instanceId: 'ins_rest' });
    expect(!both.ok && both.error.message).toMatch(/réunion ou une instance/);
    const conf = await invoke('sharing:exportIcs', { meetingId: 'mee_cell2' });
    expect(!conf.ok && conf.error.code).toBe('forbidden');
  });

  it('« Préparer l’envoi » writes the e-mail draft then opens it with the mail program', async () => {
    saveTo = join(dir, 'c.eml');
    const r = value(await invoke<ExportResult>('sharing:prepareEmail', { meetingId: 'mee_rest' }));
    expect(r.path).toBe(saveTo);
    expect(calls.opened).toEqual([saveTo]);
    expect(readFileSync(saveTo, 'utf8')).toMatch(/^X-Unsent: 1/);
  });

  it('previews an import chosen in the open dialog, then applies only the accepted lines', async () => {
    openFrom = join(dir, 'p.csv');
    writeFileSync(openFrom, 'Structure;Catégorie\r\nCentre social Arc-en-ciel;Centres sociaux\r\nMaison de justice;Justice\r\n');
    const p = value(await invoke<ImportPreview>('sharing:previewImport', { kind: 'partners' }));
    expect(p.lines.map((l) => l.action)).toEqual(['create', 'create']);
    const r = value(await invoke<ImportResult>('sharing:applyImport', { token: p.token, acceptedLineIds: ['r3'] }));
    expect(r.applied).toBe(1);
    expect(store.data.organisations.map((o) => o.name)).toContain('Maison de justice');
    expect(store.data.organisations.map((o) => o.name)).not.toContain('Centre social Arc-en-ciel');
    const again = await invoke('sharing:applyImport', { token: p.token, acceptedLineIds: ['r2'] });
    expect(!again.ok && again.error.message).toMatch(/expiré/);
    openFrom = undefined;
    expect(value(await invoke<{ cancelled: true }>('sharing:previewImport', { kind: 'actions' }))).toEqual({ cancelled: true });
  });

  it('gives the export dialog an overview with confidential counts and the pilots', async () => {
    const o = value(await invoke<SharingOverview>('sharing:overview'));
    expect(o.tables.find((t) => t.kind === 'decisions')).toMatchObject({ rows: 1, confidentialRows: 1 });
    expect(o.pilots.map((p) => p.id)).toEqual(['org_col', 'org_pol']);
    expect(o.instances.find((i) => i.id === 'ins_cell')).toMatchObject({ confidential: true, upcoming: 1 });
  });
});
