// PDF/UA tagging of every document the app prints: each page's content is tagged (tied to the structure tree) or an artifact; tables, charts, lists, contents and headings well formed.
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
import { asDict, readObjects, refOf, textOf } from '../helpers/pdf-objects';
import { checkTagging } from '../helpers/pdf-structure';
import { checkHeadings, checkStructure, headingLevels, readingOrder } from '../helpers/pdf-structure-rules';

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
  const problems = [...report.problems, ...checkStructure(report.elems), ...checkHeadings(report.elems)];
  if (OUT) {
    const count = (type: string) => [...report.elems.values()].filter((e) => e.type === type).length;
    const levels = headingLevels(report.elems);
    console.log(`${name}: ${report.pages} p., L ${count('L')}, LI ${count('LI')}, TOC ${count('TOC')}, TOCI ${count('TOCI')}, links ${report.links.length}, headings ${levels.join('')}`);
  }
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

  it('lists are L of LI (bullet as Lbl, text as LBody); the plan’s contents page is a TOC whose entries link to the pages they print', async () => {
    const elemsOf = async (kind: DocumentKind, params: DocumentParams) => checkTagging((await generateDocument(kind, data, params, { now: NOW })).bytes);
    const byType = (r: ReturnType<typeof checkTagging>, type: string) => [...r.elems.values()].filter((e) => e.type === type);
    // The charter: its principles, then the commitments of each member's sheet, one list each.
    const group = data.instances.find((i) => i.confidentiality === 'confidential')!;
    const charter = await elemsOf('charter', { instanceId: group.id });
    const items = byType(charter, 'LI');
    expect(byType(charter, 'L').length).toBeGreaterThan(1);
    expect(items.length).toBeGreaterThan(byType(charter, 'L').length);
    for (const li of items) expect(li.kids.map((k) => charter.elems.get(k)?.type)).toEqual(['Lbl', 'LBody']);
    for (const lbl of byType(charter, 'Lbl')) expect(lbl.mcids.length).toBe(1);

    const plan = await elemsOf('plan', {});
    const entries = byType(plan, 'TOCI');
    expect(entries.length).toBeGreaterThan(3);
    // Nested: the objectives' TOC sits in their axis's entry.
    expect(byType(plan, 'TOC').filter((toc) => plan.elems.get(toc.parent!)?.type === 'TOCI').length).toBeGreaterThan(0);
    expect(plan.links).toHaveLength(entries.length);
    for (const link of plan.links) {
      expect(link.page).toBe(2);
      expect(Number(/, page (\d+)$/.exec(link.contents)?.[1])).toBe(link.target);
    }
    expect(new Set(plan.links.map((l) => l.target)).size).toBeGreaterThan(1);
    // The contents are read where they are printed: after the cover's headings, before the first axis.
    expect(headingLevels(plan.elems).slice(0, 4)).toEqual([1, 1, 1, 1]);
    const order = readingOrder(plan.elems).map((e) => e.type);
    expect(order.indexOf('TOC')).toBeLessThan(order.indexOf('Table'));
  }, 60_000);

  it('the register statistics, the DPO journal and the recovery key sheet', async () => {
    const p = ctx.vault!.read();
    expectTagged('statistiques-registre', (await renderRegisterStats(data, reg.registerStats(data, p, undefined), undefined, { now: NOW })).bytes);
    expectTagged('journal-dpo', (await renderDpoJournal(data, reg.dpoJournal(ctx), { now: NOW })).bytes);
    expectTagged('cle-de-secours', (await recoveryKeyPdf('ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-4567', data.settings, NOW)).bytes);
  }, 60_000);
});

describe('PDF/UA structure of the kit', () => {
  it('the check finds a list item outside a list, a list holding a paragraph, an item without LBody, a skipped heading level and an undescribed, untagged link', async () => {
    const pd = new PdfDoc({ title: 'Essai', subject: 'Essai', confidentiality: 'public', settings: data.settings, now: NOW });
    pd.tagged('H1', () => pd.drawLine('Titre', pd.left, pd.y, 'bold', 12));
    pd.tagged('H3', () => pd.drawLine('Sous-titre', pd.left, pd.y + 20, 'bold', 10));
    const list = pd.structure('L');
    pd.tagged('P', () => pd.drawLine('paragraphe', pd.left, pd.y + 40, 'regular', 9), list);
    pd.tagged('Lbl', () => pd.drawLine('•', pd.left, pd.y + 60, 'regular', 9), pd.structure('LI', list));
    pd.tagged('LBody', () => pd.drawLine('élément perdu', pd.left, pd.y + 80, 'regular', 9), pd.structure('LI'));
    pd.tagged('TOCI', () => pd.drawLine('entrée', pd.left, pd.y + 100, 'regular', 9));
    pd.doc.link(pd.left, pd.y + 120, 40, 10, 'https://example.org');
    const report = checkTagging(await pd.finish());
    expect(report.problems).toEqual(expect.arrayContaining([expect.stringMatching(/link annotation \d+ has no Contents/), expect.stringMatching(/link annotation \d+ is not tied/)]));
    const structure = checkStructure(report.elems);
    for (const problem of [/^L \d+ holds P \(only LI\/Caption allowed\)$/, /^LI \d+ has no LBody$/, /^LI \d+ is not inside L$/, /^TOCI \d+ is not inside TOC$/])
      expect(structure).toEqual(expect.arrayContaining([expect.stringMatching(problem)]));
    expect(checkHeadings(report.elems)).toEqual(['heading 2 is H3 after H1']);
  });

  it('bullets drawn together are one list; headings drawn a level too deep are tagged one level below the heading they fall under', async () => {
    const pd = new PdfDoc({ title: 'Essai', subject: 'Essai', confidentiality: 'public', settings: data.settings, now: NOW });
    pd.heading('Indicateurs', 1);
    pd.heading('Premier indicateur', 3);
    pd.bullets(['un', 'deux', 'trois']);
    pd.heading('Second indicateur', 3);
    pd.list(() => Array.from({ length: 80 }, (_, i) => pd.bullet(`Point ${i + 1}`)));
    pd.heading('Autre partie', 2);
    pd.bullet('seul');
    const report = checkTagging(await pd.finish());
    expect(report.problems).toEqual([]);
    expect(checkStructure(report.elems)).toEqual([]);
    expect(headingLevels(report.elems)).toEqual([1, 2, 2, 2]);
    const lists = [...report.elems.values()].filter((e) => e.type === 'L');
    expect(lists.map((l) => l.kids.length)).toEqual([3, 80, 1]);
    expect(report.pages).toBeGreaterThan(1);
  });

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

  it('the XMP metadata, where PDF/UA reads the title, stays well formed with « & » and « < » in the title; the Info dictionary keeps the plain text', async () => {
    const title = 'Prévention & tranquillité <2027> « l’été »';
    const pd = new PdfDoc({ title, subject: 'Essai', confidentiality: 'public', settings: { ...data.settings, communeName: 'Saint-Jean & Sainte-Anne' }, now: NOW });
    pd.text('Un paragraphe.');
    const bytes = await pd.finish();
    const pdf = bytes.toString('utf8');
    const xmp = pdf.slice(pdf.indexOf('<x:xmpmeta'), pdf.indexOf('</x:xmpmeta>'));
    const texts = [...xmp.matchAll(/>([^<]*)</g)].map((m) => m[1]);
    expect(texts.filter((x) => /&(?!(amp|lt|gt|quot|apos);)/.test(x))).toEqual([]);
    expect(xmp).toContain('<rdf:li xml:lang="x-default">Prévention &amp; tranquillité &lt;2027&gt; « l’été »</rdf:li>');
    expect(xmp).toContain('Saint-Jean &amp; Sainte-Anne');
    const objects = readObjects(bytes);
    const info = asDict(objects.get(Number(/\/Info (\d+) 0 R/.exec(bytes.toString('latin1'))?.[1]))?.value);
    expect(textOf(objects.get(refOf(info.Title) ?? -1)?.value)).toBe(title);
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
