// Strategy benchmarks on the ten-year dataset: table filter per keystroke, axis page data + render, action edit to durable write.
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createInvoker } from '../../src/main/ipc/handlers';
import { createContext, type ServiceContext } from '../../src/main/services/context';
import { axisPage, listActionRows } from '../../src/main/services/strategy/views';
import { Store } from '../../src/main/store/store';
import type { ActionRow, AxisPage } from '../../src/shared/contract/strategy';
import { buildSearchIndex, filterActions, sortActions, type SearchIndex } from '../../src/shared/strategy-filter';
import { tenYearCopy, tenYearFixture } from './fixtures';
import { bench } from './harness';

/** Rows of every period (the active one and the archived ones): the 3,000 actions of ten years. */
function allRows(ctx: ServiceContext): ActionRow[] {
  return ctx.store.data.periods.flatMap((p) => listActionRows(ctx, { periodId: p.id }));
}

// What the coordinator types, one keystroke at a time, plus a status filter half of the time.
const QUERY = 'prevention harcelement college';
const KEYSTROKES = Array.from({ length: QUERY.length }, (_, i) => QUERY.slice(0, i + 1));

void bench('plan.filter.3000', {
  setup: () => {
    const store = Store.open(tenYearFixture(), { readOnly: true });
    const ctx = createContext(store);
    const rows = allRows(ctx);
    if (rows.length < 3000) throw new Error(`only ${rows.length} actions in the dataset`);
    // Built once when the table's data loads, not per keystroke.
    const index: SearchIndex = buildSearchIndex(rows);
    return { store, index, shown: 0 };
  },
  // One keystroke in the table view: filter all rows, then sort them for display.
  run: (s, i) => {
    const text = KEYSTROKES[i % KEYSTROKES.length];
    const filtered = filterActions(s.index, { text, status: i % 2 ? ['in_progress', 'planned'] : undefined });
    s.shown = sortActions(filtered, 'code').length;
  },
  teardown: (s) => s.store.close(),
  runs: 60,
  warmup: 5,
  target_ms: 16,
});

// The app ships the production build of React (vite build): load React the same way here, lazily, so the
// environment is set before the first import of react.
// (require, not import(): the screen modules are loaded as CommonJS and must share one copy of Mantine.)
function loadRenderer() {
  process.env.NODE_ENV = 'production';
  const req = createRequire(__filename);
  const { createElement } = req('react') as typeof import('react');
  const { renderToString } = req('react-dom/server') as typeof import('react-dom/server');
  const { MantineProvider } = req('@mantine/core') as typeof import('@mantine/core');
  const { AxisView } = req('../../src/renderer/src/screens/strategy/axis/AxisView') as typeof import('../../src/renderer/src/screens/strategy/axis/AxisView');
  const { theme } = req('../../src/renderer/src/app/theme') as typeof import('../../src/renderer/src/app/theme');
  return (page: AxisPage) => renderToString(createElement(MantineProvider, { theme }, createElement(AxisView, { page })));
}

void bench('axis.render.10y', {
  setup: () => {
    const render = loadRenderer();
    const store = Store.open(tenYearFixture(), { readOnly: true });
    const ctx = createContext(store);
    const data = store.data;
    // The busiest axis of the active period.
    const counts = new Map<string, number>();
    const axisOfObjective = new Map(data.objectives.map((o) => [o.id, o.axisId]));
    for (const a of data.actions) {
      const axisId = a.objectiveId ? axisOfObjective.get(a.objectiveId) : undefined;
      if (axisId) counts.set(axisId, (counts.get(axisId) ?? 0) + 1);
    }
    const axisId = [...counts.entries()].sort((x, y) => y[1] - x[1])[0][0];
    return { store, ctx, axisId, render, html: 0 };
  },
  // Data computation (counts, health, due soon, indicators, money) then the page rendered to HTML.
  run: (s) => {
    const page = axisPage(s.ctx, s.axisId);
    s.html = s.render(page).length;
  },
  teardown: (s) => s.store.close(),
  runs: 15,
  warmup: 2,
  target_ms: 200,
});

void bench('action.save.10y', {
  setup: () => {
    const dir = tenYearCopy();
    const store = Store.open(dir, { owner: 'test' });
    const ctx = createContext(store);
    const invoke = createInvoker(ctx);
    const ids = store.data.actions.filter((a) => a.status !== 'done' && a.status !== 'abandoned').map((a) => a.id);
    return { dir, store, invoke, ids };
  },
  // The renderer's edit as it crosses IPC (structured clone both ways), validation, journal, durable write.
  run: async (s, i) => {
    const payload = structuredClone({ id: s.ids[i % s.ids.length], patch: { territory: `Quartier ${i}`, progress: (i * 7) % 100 } });
    const r = structuredClone(await s.invoke('actions:update', payload));
    if (!r.ok) throw new Error(r.error.message);
  },
  teardown: async (s) => {
    await s.store.close();
    rmSync(s.dir, { recursive: true, force: true });
  },
  runs: 30,
  warmup: 3,
  target_ms: 50,
});
