// PDF/UA tagging of every document the app prints: each page's content is tagged (tied to the structure tree) or an artifact; tables and charts well formed.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DocumentKind, type DocumentParams, generateDocument } from '../../src/main/documents';
import { PdfDoc } from '../../src/main/documents/kit/document';
import { distributionBar, horizontalBars, indicatorChart } from '../../src/main/documents/kit/charts';
import { table } from '../../src/main/documents/kit/table';
import { recoveryKeyPdf } from '../../src/main/documents/recovery-key';
import { renderDpoJournal, renderRegisterStats } from '../../src/main/documents/register';
import { setupDemo } from '../../src/main/services/app';
import { createContext, type ServiceContext } from '../../src/main/services/context';
import { seedDemoRegister } from '../../src/main/services/demo/situations';
import * as reg from '../../src/main/services/register';
import { Store } from '../../src/main/store/store';
import type { Datastore } from '../../src/shared/model';
import { MemoryVault } from '../helpers/memory-vault';
import { checkStructure, checkTagging } from '../helpers/pdf-structure';

const NOW = new Date('2026-12-07T09:00:00Z');
/** Set CLSPD_TAGGING_OUT=folder to keep the generated PDFs (for pdftoppm / a visual comparison). */
const OUT = process.env.CLSPD_TAGGING_OUT;
let dir = '';
let store: Store;
let ctx: ServiceContext;
let data: Datastore;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'clspd-tagging-'));
  store = Store.open(dir, { owner: 'test' });
  ctx = createContext(store, {}, () => NOW);
  await setupDemo(ctx);
  ctx.vault = new MemoryVault();
  await seedDemoRegister(ctx);
  data = structuredClone(store.data);
  if (OUT) mkdirSync(OUT, { recursive: true });
}, 60_000);
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

function expectTagged(name: string, bytes: Buffer): void {
  if (OUT) writeFileSync(join(OUT, `${name}.pdf`), bytes);
  const report = checkTagging(bytes);
  const problems = [...report.problems, ...checkStructure(report.elems)];
  // Soft: every document is checked and reported, not only the first one with a problem.
  expect.soft(problems.slice(0, 20), `${name}: ${problems.length} problem(s)`).toEqual([]);
  expect.soft(report.pages, name).toBeGreaterThan(0);
  expect.soft(report.taggedOps, name).toBeGreaterThan(0);
  expect.soft(report.artifactOps, name).toBeGreaterThan(0);
}

function jobs(): [string, DocumentKind, DocumentParams][] {
  const byStatus = (s: string) => data.meetings.find((m) => m.status === s);
  const kindOf = (instanceId: string) => data.instances.find((i) => i.id === instanceId);
  const plenary = data.meetings.find((m) => kindOf(m.instanceId)?.kind === 'plenary' && m.status === 'validated') ?? byStatus('validated')!;
  const confidential = data.meetings.find((m) => m.confidentiality === 'confidential' && (m.status === 'validated' || m.status === 'held'))!;
  const upcoming = byStatus('convened') ?? byStatus('draft') ?? data.meetings[0];
  const action = data.actions.find((a) => a.indicators.some((i) => i.measurements.length > 1)) ?? data.actions[0];
  const group = data.instances.find((i) => i.confidentiality === 'confidential')!;
  const year = Number(plenary.date.slice(0, 4));
  return [
    ['convocation', 'convocation', { meetingId: upcoming.id }],
    ['convocations-personnalisees', 'convocation', { meetingId: upcoming.id, personalised: true }],
    ['emargement', 'emargement', { meetingId: upcoming.id }],
    ['compte-rendu', 'minutes', { meetingId: plenary.id }],
    ['releve-de-decisions', 'minutes', { meetingId: confidential.id }],
    ['plan-d-actions', 'plan', {}],
    ['plan-d-actions-confidentiel', 'plan', { includeConfidential: true }],
    ['fiche-action', 'fiche', { actionId: action.id }],
    ['tableau-de-bord', 'dashboard', { year: NOW.getFullYear() }],
    ['bilan-annuel', 'dashboard', { year, includeConfidential: true }],
    ['liste-des-membres', 'members', {}],
    ['membres-du-groupe', 'members', { instanceId: group.id }],
    ['reglement-interieur', 'rules', { instanceId: group.id }],
    ['charte', 'charter', { instanceId: group.id }],
    ['bilan-application-charte', 'charter_review', { instanceId: group.id, year: NOW.getFullYear() }],
  ];
}

describe('PDF/UA tagging: every page content is tagged or an artifact', () => {
  it('the documents of the Documents screen, on the demo council', async () => {
    for (const [name, kind, params] of jobs()) {
      const doc = await generateDocument(kind, data, params, { now: NOW });
      expectTagged(name, doc.bytes);
    }
  }, 180_000);

  it('the register statistics, the DPO journal and the recovery key sheet', async () => {
    const p = ctx.vault!.read();
    expectTagged('statistiques-registre', (await renderRegisterStats(data, reg.registerStats(data, p, undefined), undefined, { now: NOW })).bytes);
    expectTagged('journal-dpo', (await renderDpoJournal(data, reg.dpoJournal(ctx), { now: NOW })).bytes);
    expectTagged('cle-de-secours', (await recoveryKeyPdf('ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-4567', data.settings, NOW)).bytes);
  }, 60_000);
});

describe('PDF/UA structure of the kit', () => {
  it('the check finds a drawing left outside any marked content, and a table without row groups', async () => {
    const pd = new PdfDoc({ title: 'Essai', subject: 'Essai', confidentiality: 'public', settings: data.settings, now: NOW });
    pd.text('Un paragraphe balisé.');
    pd.doc.save().rect(pd.left, pd.y, 40, 10).fill('#cccccc').restore();
    const bare = pd.structure('Table');
    pd.tagged('TD', () => pd.drawLine('cellule', pd.left, pd.y + 20, 'regular', 9), pd.structure('TR', bare));
    const report = checkTagging(await pd.finish());
    expect(report.problems).toEqual(['page 1: « f » outside any marked-content sequence']);
    expect(checkStructure(report.elems)).toEqual(expect.arrayContaining([expect.stringMatching(/^Table \d+ has no THead$/)]));
  });


  it('tables: column headers (scope Column) in a THead, row headers (scope Row), one TBody per group, the header repeated on later pages as an artifact', async () => {
    const pd = new PdfDoc({ title: 'Essai', subject: 'Essai', confidentiality: 'public', settings: data.settings, now: NOW });
    const rows = Array.from({ length: 120 }, (_, i) => ({ cells: [`Ligne ${i}`, String(i)] }));
    const columns = [{ header: 'Libellé', width: 3, rowHeader: true }, { header: 'Nombre', width: 1, align: 'right' as const }];
    table(pd, columns, [{ group: 'Groupe A' }, ...rows.slice(0, 60), { group: 'Groupe B' }, ...rows.slice(60)], { grid: true });
    const bytes = await pd.finish();
    const report = checkTagging(bytes);
    expect(report.problems).toEqual([]);
    expect(checkStructure(report.elems)).toEqual([]);
    const byType = (t: string) => [...report.elems.values()].filter((e) => e.type === t);
    expect(report.pages).toBeGreaterThan(1);
    // One header row only (the repeats are decoration): two TH with scope Column, then one row header per row.
    const scopes = byType('TH').map((e) => e.scope);
    expect(scopes.filter((s) => s === 'Column')).toHaveLength(2);
    expect(scopes.filter((s) => s === 'Row')).toHaveLength(120);
    expect(byType('THead')).toHaveLength(1);
    expect(byType('TBody')).toHaveLength(2);
    expect(byType('TR')).toHaveLength(1 + 2 + 120);
  });

  it('charts are figures whose alternative text gives every number', async () => {
    const pd = new PdfDoc({ title: 'Essai', subject: 'Essai', confidentiality: 'public', settings: data.settings, now: NOW });
    horizontalBars(pd, [
      { label: 'Prévention', value: 7, colour: '#1f3a5f' },
      { label: 'Tranquillité', value: 12, colour: '#1f3a5f', valueLabel: '12 actions' },
    ], { alt: 'Actions par axe' });
    distributionBar(pd, [
      { label: 'En cours', value: 5, colour: '#11765a' },
      { label: 'Terminée', value: 3, colour: '#555b63' },
    ], { title: 'Actions par statut' });
    indicatorChart(pd, { title: 'Nombre de médiations', unit: 'médiations', points: [{ date: '2026-03-01', value: 14 }, { date: '2026-06-01', value: 21 }], target: 30, baseline: 10 });
    const report = checkTagging(await pd.finish());
    expect(report.problems).toEqual([]);
    const alts = [...report.elems.values()].filter((e) => e.type === 'Figure').map((e) => e.alt ?? '');
    expect(alts).toHaveLength(3);
    expect(alts[0]).toMatch(/Actions par axe.*Prévention\u00a0: 7.*Tranquillité\u00a0: 12 actions/);
    expect(alts[1]).toMatch(/Actions par statut.*En cours\u00a0: 5.*Terminée\u00a0: 3.*8/);
    expect(alts[2]).toMatch(/Nombre de médiations.*01\/03\/2026\u00a0: 14.*01\/06\/2026\u00a0: 21.*30.*10/);
  });
});
