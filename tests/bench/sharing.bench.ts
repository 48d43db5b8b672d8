// Sharing benchmarks: full XLSX export of the ten-year dataset, and import of 3,000 actions with preview then apply.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createContext } from '../../src/main/services/context';
import * as share from '../../src/main/services/sharing';
import { buildTable } from '../../src/main/services/sharing/tables';
import { tableToXlsx } from '../../src/main/services/sharing/writers';
import { Store } from '../../src/main/store/store';
import { ArchiveFile, type Datastore } from '../../src/shared/model';
import { buildLargeDataset, buildSharingDataset } from '../fixtures/sharing/dataset';
import { tenYearFixture } from './fixtures';
import { bench } from './harness';

/** The live datastore plus every archived period: ten years of actions and meetings in one document. */
function tenYears(): Datastore {
  const dir = tenYearFixture();
  const store = Store.open(dir, { readOnly: true });
  const d = structuredClone(store.data);
  for (const name of readdirSync(dir).filter((n) => n.startsWith('archive') && n.endsWith('.json'))) {
    const a = ArchiveFile.parse(JSON.parse(readFileSync(join(dir, name), 'utf8')));
    d.periods.push(a.period);
    d.axes.push(...a.axes);
    d.objectives.push(...a.objectives);
    d.actions.push(...a.actions);
    d.meetings.push(...a.meetings);
  }
  return d;
}

void bench('export.xlsx.10y', {
  setup: () => {
    const d = tenYears();
    console.log(`export.xlsx.10y : ${d.actions.length} actions, ${d.meetings.length} réunions, ${d.organisations.length} partenaires, ${d.memberships.length} mandats.`);
    return { d, bytes: 0 };
  },
  // All six shared tables, confidential content included (the largest case), each built and written as XLSX.
  run: async (s) => {
    let bytes = 0;
    for (const kind of share.TABLE_KINDS) bytes += (await tableToXlsx(buildTable(s.d, kind, { includeConfidential: true }))).length;
    s.bytes = bytes;
  },
  teardown: (s) => console.log(`export.xlsx.10y : ${Math.round(s.bytes / 1024)} Ko écrits par exécution.`),
  runs: 5,
  warmup: 1,
  target_ms: 3000,
});

void bench('import.actions.3000', {
  setup: async () => {
    // The file: 3,000 actions exported by the app itself (XLSX), imported into a plan with no actions.
    const big = buildLargeDataset({ actions: 3000, meetings: 0, partners: 300 });
    const work = mkdtempSync(join(tmpdir(), 'clspd-bench-imp-'));
    const srcDir = join(work, 'src');
    const src = Store.open(srcDir, { owner: 'test' });
    await src.initialise(big);
    const file = join(work, 'actions.xlsx');
    writeFileSync(file, (await share.exportTable(createContext(src), 'actions', 'xlsx', {})).data);
    await src.close();
    const base = buildSharingDataset();
    base.organisations = big.organisations;
    base.people = big.people;
    base.actions = [];
    return { work, file, base, n: 0, store: undefined as Store | undefined, created: 0 };
  },
  beforeEach: async (s) => {
    const dir = join(s.work, `run-${s.n++}`);
    s.store = Store.open(dir, { owner: 'test' });
    await s.store.initialise(s.base);
  },
  run: async (s) => {
    const ctx = createContext(s.store!);
    const preview = await share.previewImport(ctx, 'actions', s.file);
    if (!preview.canApply) throw new Error(preview.fileErrors.join(' ') || 'preview refused');
    const r = await share.applyImport(ctx, preview.token);
    s.created = r.applied;
  },
  afterEach: async (s) => {
    if (s.store!.data.actions.length < 3000) throw new Error(`expected 3000 actions, got ${s.store!.data.actions.length}`);
    await s.store!.close();
  },
  teardown: (s) => {
    console.log(`import.actions.3000 : ${s.created} actions créées par exécution (aperçu + application).`);
    rmSync(s.work, { recursive: true, force: true });
  },
  runs: 5,
  warmup: 1,
  target_ms: 5000,
});
