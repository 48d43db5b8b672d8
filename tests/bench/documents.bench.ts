// Document benchmarks: compte rendu of 30 items, plan of 300 actions, bilan on the ten-year dataset, and the same compte rendu printed by Chromium.
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { generateDocument } from '../../src/main/documents';
import { Lookup } from '../../src/main/documents/data';
import { DATA_FILE, inspectFile } from '../../src/main/store/store';
import { formatLongDate, formatShortDate, formatTime } from '../../src/shared/format';
import type { Datastore } from '../../src/shared/model';
import { buildFixture } from '../unit/documents.fixtures';
import { tenYearFixture } from './fixtures';
import { bench, type BenchResult } from './harness';

const NOW = new Date();

const minutesData = buildFixture({ agendaItems: 30 });
const pdfMinutes = bench('pdf.minutes.30', {
  run: () => generateDocument('minutes', minutesData, { meetingId: 'mee_pleniere' }, { now: NOW }),
  runs: 20,
  warmup: 3,
  target_ms: 150,
});

const planData = buildFixture({ actions: 300 });
void bench('pdf.action-plan.300', {
  run: () => generateDocument('plan', planData, {}, { now: NOW }),
  runs: 8,
  warmup: 2,
  target_ms: 1000,
});

void bench('pdf.dashboard.10y', {
  setup: () => {
    const r = inspectFile(join(tenYearFixture(), DATA_FILE));
    if (!r.ok) throw new Error(r.message);
    return r.data;
  },
  run: (data) => generateDocument('dashboard', data, { year: NOW.getFullYear() }, { now: NOW }),
  runs: 6,
  warmup: 1,
  target_ms: 2000,
});

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The same compte rendu as an HTML page, as an Electron app printing with webContents.printToPDF would do. */
function minutesHtml(data: Datastore, meetingId: string): string {
  const lk = new Lookup(data);
  const m = lk.meeting(meetingId);
  const att = new Map(m.attendance.map((a) => [a.inviteeId, a]));
  const rows = m.invitees
    .map((inv) => {
      const w = lk.invitee(inv);
      const a = att.get(inv.id);
      return `<tr><td>${esc(w.organisation)}</td><td>${esc(w.name)}</td><td>${esc(w.job)}</td><td>${esc(a?.status ?? '')}</td><td>${esc(a?.representedByName ?? '')}</td></tr>`;
    })
    .join('');
  const items = m.agenda
    .map((it) => {
      if (it.kind === 'section') return `<h2>${esc(it.title)}</h2>`;
      const ds = m.decisions.filter((d) => d.agendaItemId === it.id);
      return `<h3>${esc(it.title)}</h3><p class="muted">Présenté par ${esc(it.presenter ?? '')}</p>${it.notes
        .split('\n')
        .map((p) => `<p>${esc(p)}</p>`)
        .join('')}${ds.length ? `<h4>Décisions</h4><ul>${ds.map((d) => `<li>${esc(d.text)}</li>`).join('')}</ul>` : ''}`;
    })
    .join('');
  const actions = m.decisions
    .filter((d) => d.kind === 'action')
    .map((d) => `<tr><td>${esc(d.text)}</td><td>${esc(lk.orgShort(d.pilotOrganisationId))}</td><td>${d.dueDate ? formatShortDate(d.dueDate) : ''}</td></tr>`)
    .join('');
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Compte rendu</title><style>
    @page { size: A4; margin: 30mm 15mm 22mm 25mm; }
    body { font-family: 'DejaVu Sans', sans-serif; font-size: 9.5pt; color: #1a1a1a; }
    h1 { color: #1f3a5f; font-size: 17pt; } h2 { color: #1f3a5f; font-size: 11.5pt; } h3 { font-size: 10.5pt; break-after: avoid; }
    table { width: 100%; border-collapse: collapse; font-size: 8.5pt; } thead { display: table-header-group; }
    th { background: #dde3ec; text-align: left; } td, th { padding: 3pt 4pt; border-bottom: 0.4pt solid #c9ced6; }
    tr { break-inside: avoid; } tr:nth-child(even) td { background: #f1f3f6; } .muted { color: #555b63; font-style: italic; }
  </style></head><body><h1>Compte rendu de réunion</h1><h2>${esc(m.title)}</h2>
  <p>${formatLongDate(m.date)}, ${formatTime(m.startTime)} — ${esc(m.place ?? '')}</p>
  <h1>Participation</h1><table><thead><tr><th>Institution</th><th>Nom</th><th>Fonction</th><th>Présence</th><th>Représenté(e) par</th></tr></thead><tbody>${rows}</tbody></table>
  <h1>Ordre du jour et débats</h1>${items}
  <h1>Actions décidées</h1><table><thead><tr><th>Action</th><th>Pilote</th><th>Échéance</th></tr></thead><tbody>${actions}</tbody></table>
  </body></html>`;
}

const chromiumResult = bench<{ browser: Browser; page: Page; html: string }>('pdf.minutes.30.chromium', {
  setup: async () => {
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    const page = await browser.newPage();
    return { browser, page, html: minutesHtml(minutesData, 'mee_pleniere') };
  },
  run: async (s) => {
    await s.page.setContent(s.html);
    return s.page.pdf({
      format: 'A4',
      displayHeaderFooter: true,
      headerTemplate: '<div style="font-size:8px;width:100%;padding:0 15mm 0 25mm">Ville de Valmont-sur-Loire — Compte rendu</div>',
      footerTemplate: '<div style="font-size:8px;width:100%;text-align:right;padding:0 15mm">Page <span class="pageNumber"></span> / <span class="totalPages"></span></div>',
      printBackground: true,
    });
  },
  teardown: (s) => s.browser.close(),
  runs: 10,
  warmup: 2,
});

void Promise.all([pdfMinutes, chromiumResult]).then(([a, b]: (BenchResult | undefined)[]) => {
  if (a && b) {
    console.log(
      `pdf.minutes.30 : pdfkit ${a.median_ms.toFixed(1)} ms, Chromium page.pdf() ${b.median_ms.toFixed(1)} ms — Chromium est ${(b.median_ms / a.median_ms).toFixed(1)} fois plus lent.`,
    );
  }
});
