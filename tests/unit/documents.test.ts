// Printed documents: text extracted with pdftotext, validity with qpdf, confidentiality marks, hostile inputs, font cache.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type DocumentKind, type DocumentParams, fontParseCount, fontsDir, generateDocument } from '../../src/main/documents';
import { frText, printable } from '../../src/main/documents/kit/typography';
import type { Datastore } from '../../src/shared/model';
import { DomainError } from '../../src/shared/result';
import { buildFixture } from './documents.fixtures';

const NOW = new Date('2026-11-26T10:15:00Z');
const work = mkdtempSync(join(tmpdir(), 'clspd-docs-'));
let n = 0;

/** Writes the PDF, checks it with qpdf and returns its text (non-breaking spaces turned into spaces). */
function inspect(bytes: Buffer): { text: string; pages: string[]; file: string } {
  const file = join(work, `doc-${++n}.pdf`);
  writeFileSync(file, bytes);
  const q = spawnSync('qpdf', ['--check', file], { encoding: 'utf8' });
  expect(q.status, q.stdout + q.stderr).toBe(0);
  const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).replace(/[\u00a0\u202f]/g, ' ');
  return { text, pages: text.split('\f').filter((p) => p.trim()), file };
}

async function gen(data: Datastore, kind: DocumentKind, params: DocumentParams = {}) {
  const doc = await generateDocument(kind, data, params, { now: NOW });
  expect(doc.bytes.subarray(0, 5).toString()).toBe('%PDF-');
  return { doc, ...inspect(doc.bytes) };
}

const BANNER = 'Confidentiel — informations échangées au titre de l’article L132-5 du CSI — ne pas diffuser';

describe('fonts', () => {
  it('finds the fonts and their licence, parses them once for many documents', async () => {
    expect(existsSync(join(fontsDir(), 'DejaVuSans.ttf'))).toBe(true);
    expect(existsSync(join(fontsDir(), 'LICENSE'))).toBe(true);
    const data = buildFixture();
    const t0 = performance.now();
    await generateDocument('minutes', data, { meetingId: 'mee_pleniere' }, { now: NOW });
    const first = performance.now() - t0;
    const parsed = fontParseCount();
    const t1 = performance.now();
    await generateDocument('minutes', data, { meetingId: 'mee_pleniere' }, { now: NOW });
    const second = performance.now() - t1;
    expect(parsed).toBe(4);
    expect(fontParseCount()).toBe(parsed);
    expect(second).toBeLessThan(first);
  });

  it('honours CLSPD_FONTS_DIR', () => {
    const saved = process.env.CLSPD_FONTS_DIR;
    process.env.CLSPD_FONTS_DIR = '/some/where';
    try {
      expect(fontsDir()).toBe('/some/where');
    } finally {
      if (saved === undefined) delete process.env.CLSPD_FONTS_DIR;
      else process.env.CLSPD_FONTS_DIR = saved;
    }
  });
});

describe('French typography', () => {
  it('adds non-breaking spaces, typographic apostrophes, and strips control characters', () => {
    expect(frText("L'action : oui! «citation» quoi ?")).toBe('L’action\u00a0: oui\u202f! «\u00a0citation\u00a0» quoi\u202f?');
    expect(frText('http://x.fr/a?b=1 à 14:30')).toBe('http://x.fr/a?b=1 à 14:30');
    expect(frText('a\u0000b\u0007c\u202ed')).toBe('abcd');
    expect(frText('situation n° 12')).toBe('situation n°\u00a012');
  });
  it('replaces characters the font lacks with a visible placeholder', () => {
    expect(printable('x 🦄 y', 'regular')).toBe('x □ y');
    expect(printable('👩‍👩‍👧', 'regular')).not.toContain('\u200d');
  });
});

describe('documents on the fixture council', () => {
  const data = buildFixture({ agendaItems: 8 });

  it('compte rendu: attendance, notes, decisions, actions, page numbers, no chair notes, no marks when public', async () => {
    const { text, pages, doc } = await gen(data, 'minutes', { meetingId: 'mee_pleniere' });
    expect(doc.title).toBe('Compte rendu — Séance plénière annuelle');
    expect(text).toContain('Présents : 8 · Représentés : 2 · Excusés : 2 · Absents : 1');
    expect(text).toContain('Représenté(e) par');
    expect(text).toContain('M. Paul Vasseur, adjoint');
    expect(text).toContain('baisse de 12 % des cambriolages');
    expect(text).toContain('Décision 1 : le conseil valide le programme d’interventions');
    expect(text).toContain('Actions décidées');
    expect(text).toContain('mardi 2 mars 2027');
    expect(text).toContain('Préfète');
    expect(text).not.toContain('Note du président à ne jamais imprimer');
    expect(text).not.toContain('Confidentiel');
    expect(text).not.toContain('Diffusion restreinte');
    expect(pages.length).toBe(doc.pages);
    pages.forEach((p, i) => expect(p).toContain(`Page ${i + 1} / ${doc.pages}`));
    // French characters survive extraction.
    for (const w of ['Séance plénière', 'Sous-préfecture', 'Cheffe de service', 'délinquance', 'Procureure de la']) expect(text).toContain(w);
  });

  it('restricted meeting: « Diffusion restreinte » on every page, no banner', async () => {
    const { pages, text } = await gen(data, 'minutes', { meetingId: 'mee_copil' });
    expect(text).toContain('Projet de compte rendu');
    pages.forEach((p) => expect(p).toContain('Diffusion restreinte'));
    expect(text).not.toContain('L132-5');
  });

  it('confidential meeting: relevé de décisions with the banner on every page and never the notes', async () => {
    const { pages, text, doc } = await gen(data, 'minutes', { meetingId: 'mee_vif' });
    expect(doc.title).toContain('Relevé de décisions');
    const flat = (s: string) => s.replace(/\s+/g, ' ');
    pages.forEach((p) => expect(flat(p)).toContain(BANNER));
    expect(text).toContain('Orientation vers l’intervenant social en commissariat');
    expect(text).toContain('situation n° 2026-015');
    expect(text).toContain('France Victimes');
    expect(text).not.toContain('NOTE-CONFIDENTIELLE');
    expect(text).not.toContain('SECRET');
    expect(text).not.toContain('Les membres remercient');
  });

  it('minutes of a draft meeting do not apply', async () => {
    await expect(generateDocument('minutes', data, { meetingId: 'mee_draft' })).rejects.toThrow(DomainError);
    await expect(generateDocument('minutes', data, { meetingId: 'nope' })).rejects.toThrow(/introuvable/);
  });

  it('convocation: letter, agenda with presenters and durations, invitees in protocol order', async () => {
    const { text } = await gen(data, 'convocation', { meetingId: 'mee_pleniere' });
    expect(text).toContain('Objet : convocation à la réunion « Formation plénière » du mardi 3 mars 2026');
    expect(text).toContain('Ordre du jour');
    expect(text).toContain('Mme la Préfète');
    expect(text).toMatch(/15 min/);
    const prefet = text.indexOf('Préfecture du Loiret', text.indexOf('Destinataires'));
    const procureur = text.indexOf('Parquet du tribunal', text.indexOf('Destinataires'));
    const college = text.indexOf('Collège Jean-Zay', text.indexOf('Destinataires'));
    expect(prefet).toBeGreaterThan(0);
    expect(prefet).toBeLessThan(procureur);
    expect(procureur).toBeLessThan(college);
  });

  it('personalised convocations: one letter per invitee in one file', async () => {
    const { text, doc } = await gen(data, 'convocation', { meetingId: 'mee_vif', personalised: true });
    const m = data.meetings.find((x) => x.id === 'mee_vif')!;
    expect(text.match(/Objet : convocation/g)?.length).toBe(m.invitees.length);
    expect(text).toContain('M. Thierry Roussel');
    expect(doc.pages).toBeGreaterThanOrEqual(m.invitees.length);
    // Each letter is numbered on its own.
    expect(text.match(/Page 1 \/ \d+/g)?.length).toBe(m.invitees.length);
  });

  it('feuille d’émargement: institutions, names, signature and « représenté par » columns, landscape', async () => {
    const { text, file } = await gen(data, 'emargement', { meetingId: 'mee_pleniere' });
    expect(text).toContain('Signature');
    expect(text).toContain('Représenté(e) par');
    expect(text).toContain('Préfecture du Loiret');
    expect(text).toContain('Mme Sophie Lemaître');
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toMatch(/Page size:\s+841\.89 x 595\.28/);
  });

  it('plan d’actions: cover, contents with page numbers, axes, objectives, actions', async () => {
    const { text, doc } = await gen(data, 'plan');
    expect(text).toContain('Sommaire');
    expect(text).toContain('Axe 1 — Prévention de la délinquance');
    expect(text).toContain('Objectif 1.1 — Prévenir le décrochage scolaire');
    expect(text).toContain('A1.1.1');
    expect(text).toMatch(/p\. 3/);
    expect(doc.pages).toBeGreaterThan(3);
  });

  it('fiche action: fields, funding total, indicator, journal', async () => {
    const { text } = await gen(data, 'fiche', { actionId: 'act_2' });
    expect(text).toContain('Budget et financements');
    expect(text).toContain('17 500,00 €');
    expect(text).toContain('Élèves sensibilisés');
    expect(text).toContain('Journal de suivi');
    expect(text).toContain('Cible : 400 élèves');
    // Steered by the formation restreinte, the action itself is not restricted content.
    expect(text).not.toContain('Diffusion restreinte');
  });

  it('bilan annuel: key figures, per axis counts, indicators, meetings and attendance', async () => {
    const { text } = await gen(data, 'dashboard', { year: 2026 });
    expect(text).toContain('Bilan annuel 2026');
    expect(text).toContain('Actions par état');
    expect(text).toContain('Indicateurs et cibles');
    expect(text).toContain('Assiduité des institutions');
    expect(text).toContain('Réunions de l’année');
    // A confidential meeting's title is not printed in the yearly report.
    expect(text).not.toContain('Cellule de veille VIF — octobre');
  });

  it('liste des membres: roles, seats, charter signature dates for the confidential group (included on explicit choice)', async () => {
    const { text } = await gen(data, 'members', { includeConfidential: true });
    expect(text).toContain('Membres de droit');
    expect(text).toMatch(/Charte\s+signée/);
    expect(text).toContain('Non signée');
    const one = await gen(data, 'members', { instanceId: 'ins_vif' });
    one.pages.forEach((p) => expect(p.replace(/\s+/g, ' ')).toContain(BANNER));
  });

  it('a missing or broken logo: produced without it, with a French warning; a good logo: no warning', async () => {
    const broken = join(work, 'broken.png');
    writeFileSync(broken, 'not an image');
    for (const logoPath of ['/no/such/logo.png', broken]) {
      const d = { ...data, settings: { ...data.settings, logoPath } };
      const { doc } = await gen(d, 'minutes', { meetingId: 'mee_pleniere' });
      expect(doc.warnings.join(' ')).toMatch(/logo .* introuvable ou illisible/);
    }
    const good = { ...data, settings: { ...data.settings, logoPath: join(process.cwd(), 'resources/icons/icon.png') } };
    const { doc } = await gen(good, 'convocation', { meetingId: 'mee_pleniere' });
    expect(doc.warnings).toEqual([]);
  });
});

describe('hostile inputs', () => {
  const data = buildFixture({ hostile: true, agendaItems: 8, invitees: 200 });

  it('every document stays valid with emoji, RTL, controls, a 300-character word, a 100,000-character note and 200 invitees', async () => {
    const jobs: [DocumentKind, DocumentParams][] = [
      ['convocation', { meetingId: 'mee_pleniere' }],
      ['convocation', { meetingId: 'mee_pleniere', personalised: true }],
      ['emargement', { meetingId: 'mee_pleniere' }],
      ['minutes', { meetingId: 'mee_pleniere' }],
      ['plan', {}],
      ['fiche', { actionId: 'act_1' }],
      ['dashboard', { year: 2026 }],
      ['members', {}],
    ];
    for (const [kind, params] of jobs) {
      const { text, pages, doc } = await gen(data, kind, params);
      expect(pages.length, kind).toBe(doc.pages);
      // eslint-disable-next-line no-control-regex -- checking that no control character reached the page
      expect(text).not.toMatch(/[\u0000-\u0008\u000b\u000e-\u001f]/);
    }
    const { text } = await gen(data, 'minutes', { meetingId: 'mee_pleniere' });
    expect(text).toContain('Phrase 1000');
    expect(text).toContain('□');
    expect(text).toContain('AAAAAAAAAA');
  }, 120_000);

  it('an empty agenda and no invitees still make a convocation and a sign-in sheet', async () => {
    const { text } = await gen(data, 'convocation', { meetingId: 'mee_draft' });
    expect(text).toContain('L’ordre du jour sera communiqué ultérieurement.');
    await gen(data, 'emargement', { meetingId: 'mee_draft' });
  });

  it('300-character titles and names in the header, letter and tables', async () => {
    const d = buildFixture();
    const long = 'Très long intitulé '.repeat(16).slice(0, 300);
    d.settings.communeName = long;
    d.settings.councilName = long;
    d.settings.presidentName = long;
    d.meetings[0].title = long;
    d.meetings[0].agenda[1].title = long;
    d.organisations[0].name = long;
    for (const kind of ['convocation', 'emargement', 'minutes'] as const) {
      const { pages, doc } = await gen(d, kind, { meetingId: 'mee_pleniere' });
      expect(pages.length).toBe(doc.pages);
    }
  });

  it('a table row taller than a page is split instead of lost', async () => {
    const d = buildFixture();
    d.meetings[0].decisions.push({ id: 'big', kind: 'action', text: 'Longue action. '.repeat(1500) + 'FIN-DE-LA-LIGNE', status: 'open', createdAt: '2026-01-01T00:00:00Z' });
    const { text } = await gen(d, 'minutes', { meetingId: 'mee_pleniere' });
    expect(text).toContain('FIN-DE-LA-LIGNE');
  });
});

describe('generated files are readable', () => {
  it('PDF metadata: title, author, French language', async () => {
    const data = buildFixture();
    const { file } = await gen(data, 'minutes', { meetingId: 'mee_pleniere' });
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toMatch(/Title:\s+Compte rendu — Séance plénière annuelle/);
    expect(info).toMatch(/Author:\s+Valmont-sur-Loire — CLSPDR/);
    expect(info).toMatch(/Tagged:\s+yes/);
    expect(readFileSync(file).toString('latin1')).toContain('/Lang (fr-FR)');
    // Tagged: a structure tree with headings, paragraphs and tables in reading order, frame as artifacts.
    const struct = execFileSync('pdfinfo', ['-struct-text', file], { encoding: 'utf8' });
    for (const tag of ['Document', 'H1', 'P (block)', 'Table', 'TR', 'TH', 'TD']) expect(struct).toContain(tag);
    expect(struct).toContain('"Compte rendu de réunion"');
    expect(struct).not.toContain('Page 1 /');
  });
});
