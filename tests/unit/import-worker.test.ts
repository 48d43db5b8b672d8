// Imports never block the main process: a large CSV or workbook is parsed in the import worker with progress, the event loop stays free.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import type { ImportPreview, ImportProgress } from '../../src/shared/contract/sharing';
import { createInvoker } from '../../src/main/ipc/handlers';
import { createContext, type ServiceContext } from '../../src/main/services/context';
import { csvTable } from '../../src/main/services/sharing/readTable';
import { parseOffThread, stopImportWorker } from '../../src/main/services/sharing/parseOffThread';
import { importProgress, previewImport } from '../../src/main/services/sharing';
import { MAX_IMPORT_ROWS } from '../../src/main/services/sharing/hostile';
import { presetCategories } from '../../src/main/services/categories';
import { newEmptyDatastore, Store } from '../../src/main/store/store';

const root = mkdtempSync(join(tmpdir(), 'clspd-import-worker-'));
const stores: Store[] = [];
afterAll(async () => {
  for (const s of stores) await s.close();
  await stopImportWorker();
  rmSync(root, { recursive: true, force: true });
});

async function context(name: string): Promise<ServiceContext> {
  const store = Store.open(join(root, name), { owner: 'test' });
  stores.push(store);
  await store.initialise({ ...newEmptyDatastore(), categories: presetCategories(), settings: { ...newEmptyDatastore().settings, communeName: 'Valmont', configured: true } });
  return createContext(store);
}

/** A CSV of `rows` partners with long notes, as a tool exporting a whole directory would write it. */
function bigCsv(rows: number): Buffer {
  const lines = ['Structure;Catégorie;Courriel;Adresse;Notes'];
  const note = 'Partenaire historique du conseil, présent aux cellules de veille ; '.repeat(20);
  for (let i = 1; i <= rows; i++) lines.push(`Structure ${i};Associations;contact${i}@exemple.fr;${i} rue des Tilleuls 76000 Valmont;"${note}${i}"`);
  return Buffer.from(lines.join('\r\n'), 'utf8');
}

async function bigWorkbook(rows: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Partenaires');
  ws.addRow(['Structure', 'Catégorie', 'Courriel', 'Adresse']);
  for (let i = 1; i <= rows; i++) ws.addRow([`Structure ${i}`, 'Associations', `contact${i}@exemple.fr`, `${i} rue des Tilleuls`]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Progress seen by polling while the rows were read: counts rising, all against the whole file (how many polls land
 * during the parse depends on the machine's speed). The event loop's stall is printed, not asserted: a timing under a
 * loaded CI is a benchmark's job. The relay's own count up to the last row is checked through `parseOffThread`. */
function expectCounting(rows: ImportProgress[]): void {
  const counts = [...new Set(rows.map((p) => p.done))];
  expect(counts.length).toBeGreaterThan(0);
  expect(counts).toEqual([...counts].sort((a, b) => a - b));
  for (const p of rows) expect(p.total).toBe(MAX_IMPORT_ROWS);
  expect(Math.max(...counts)).toBeLessThanOrEqual(MAX_IMPORT_ROWS);
}

/** Runs `work` while measuring the event loop's longest stall and polling the import progress as the window does. */
async function watched<T>(ctx: ServiceContext, work: () => Promise<T>): Promise<{ value: T; maxStallMs: number; seen: ImportProgress[] }> {
  const h = monitorEventLoopDelay({ resolution: 10 });
  const seen: ImportProgress[] = [];
  const invoke = createInvoker(ctx);
  let polling = true;
  const poll = (async () => {
    while (polling) {
      const r = await invoke('sharing:importProgress', undefined);
      if (r.ok && r.value) seen.push(r.value as ImportProgress);
      await new Promise((res) => setTimeout(res, 5));
    }
  })();
  h.enable();
  try {
    const value = await work();
    return { value, maxStallMs: h.max / 1e6, seen };
  } finally {
    h.disable();
    polling = false;
    await poll;
  }
}

describe('import parsing off the main thread', () => {
  it(`parses a ${MAX_IMPORT_ROWS}-row CSV of long lines in the worker, with progress, the event loop answering the window during the parse`, async () => {
    const ctx = await context('csv');
    const file = join(root, 'annuaire.csv');
    const csv = bigCsv(MAX_IMPORT_ROWS - 1);
    expect(csv.length).toBeGreaterThan(6 * 1024 * 1024);
    writeFileSync(file, csv);
    // Parsing it here, on the main thread, stalls the event loop: what the worker avoids.
    const t0 = performance.now();
    expect(csvTable(csv).rows).toHaveLength(MAX_IMPORT_ROWS - 1);
    const inThreadMs = performance.now() - t0;
    // Warm the worker (it starts once per process and stays).
    await previewImport(ctx, 'partners', join(root, 'annuaire.csv')).catch(() => undefined);
    const { value, maxStallMs, seen } = await watched(ctx, () => previewImport(ctx, 'partners', file));
    const preview = value as ImportPreview;
    expect(preview.lines).toHaveLength(MAX_IMPORT_ROWS - 1);
    expect(preview.canApply).toBe(true);
    // Real progress: the phases in order and rows counted up to the whole file.
    expect(seen.some((p) => p.phase === 'checking')).toBe(true);
    const rows = seen.filter((p) => p.phase === 'parsing');
    // Lines of the file (header included) counted upwards against the whole file. The window polls, so the very last
    // count may fall between two polls: what matters is that polls were answered WHILE the rows were being read.
    expectCounting(rows);
    expect(importProgress(ctx)).toBeNull();
    console.log(`CSV ${(csv.length / 1048576).toFixed(1)} Mo : analyse sur le fil principal ${inThreadMs.toFixed(0)} ms ; via le worker, plus long blocage de la boucle ${maxStallMs.toFixed(0)} ms`);
  }, 120_000);

  it(`parses a ${MAX_IMPORT_ROWS}-row workbook in the worker with progress`, async () => {
    const ctx = await context('xlsx');
    const file = join(root, 'annuaire.xlsx');
    writeFileSync(file, await bigWorkbook(MAX_IMPORT_ROWS - 1));
    await previewImport(ctx, 'partners', file);
    const { value, maxStallMs, seen } = await watched(ctx, () => previewImport(ctx, 'partners', file));
    expect((value as ImportPreview).lines).toHaveLength(MAX_IMPORT_ROWS - 1);
    const rows = seen.filter((p) => p.phase === 'parsing');
    expectCounting(rows);
    console.log(`Classeur de ${MAX_IMPORT_ROWS - 1} lignes : plus long blocage de la boucle ${maxStallMs.toFixed(0)} ms`);
  }, 120_000);

  it('relays every count of the worker up to the last row, after the call returned (the parse runs elsewhere)', async () => {
    const seen: ImportProgress[] = [];
    const parsing = parseOffThread('table', bigCsv(MAX_IMPORT_ROWS - 1), 'annuaire.csv', (p) => seen.push(p));
    // Nothing is counted synchronously: the rows are read by the worker, their counts arrive as messages.
    expect(seen).toHaveLength(0);
    await parsing;
    const rows = seen.filter((p) => p.phase === 'parsing');
    expect(rows.length).toBeGreaterThan(1);
    expect(rows.map((p) => p.done)).toEqual(rows.map((p) => p.done).sort((a, b) => a - b));
    expect(rows.at(-1)).toMatchObject({ done: MAX_IMPORT_ROWS, total: MAX_IMPORT_ROWS });
  }, 120_000);

  it('refuses, line by line, partners that cannot be classified when the council has no category at all (was a TypeError)', async () => {
    const ctx = await context('nocat');
    await ctx.store.update((d) => void (d.categories = []));
    const file = join(root, 'sans-categorie.csv');
    writeFileSync(file, bigCsv(3));
    const preview = await previewImport(ctx, 'partners', file);
    expect(preview.canApply).toBe(false);
    expect(preview.lines.every((l) => l.action === 'invalid' && /Aucune catégorie de partenaires/.test(l.errors[0]?.message ?? ''))).toBe(true);
  }, 60_000);

  it('keeps the caps: a file over the row limit is refused in French by the worker, nothing imported', async () => {
    const ctx = await context('cap');
    const file = join(root, 'trop.csv');
    writeFileSync(file, bigCsv(MAX_IMPORT_ROWS + 500));
    await expect(previewImport(ctx, 'partners', file)).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/un import en accepte au plus 5\s?000/) });
    expect(importProgress(ctx)).toBeNull();
    expect(ctx.store.data.organisations).toHaveLength(0);
  }, 120_000);
});
