// Confidentiality of the plan, bilan, fiche and list of members: confidential instances' content left out unless explicitly included, marks on every page.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { commands } from '../../src/main/cli/index';
import { runCli } from '../../src/main/cli/framework';
import { documentLevel, type DocumentKind, type DocumentParams, generateDocument } from '../../src/main/documents';
import { buildDossier } from '../../src/main/services/sharing/dossier';
import { Store } from '../../src/main/store/store';
import { documentsContract } from '../../src/shared/contract/documents';
import { documents as t } from '../../src/shared/i18n/documents';
import type { Datastore } from '../../src/shared/model';
import { buildFixture } from './documents.fixtures';

const NOW = new Date('2026-11-26T10:15:00Z');
const work = mkdtempSync(join(tmpdir(), 'clspd-docconf-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
let n = 0;

const BANNER = 'Confidentiel — informations échangées au titre de l’article L132-5 du CSI — ne pas diffuser';
const VIF_NAME = 'Cellule de veille violences intrafamiliales';

/** Text of each page, spaces normalised so that wrapped sentences can be matched. */
function pagesOf(bytes: Buffer): { text: string; pages: string[] } {
  const file = join(work, `doc-${++n}.pdf`);
  writeFileSync(file, bytes);
  const q = spawnSync('qpdf', ['--check', file], { encoding: 'utf8' });
  expect(q.status, q.stdout + q.stderr).toBe(0);
  const raw = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const pages = raw
    .split('\f')
    .filter((p) => p.trim())
    .map((p) => p.replace(/[\u00a0\u202f]/g, ' ').replace(/\s+/g, ' '));
  return { text: pages.join(' '), pages };
}

async function gen(data: Datastore, kind: DocumentKind, params: DocumentParams = {}) {
  const doc = await generateDocument(kind, data, params, { now: NOW });
  const r = pagesOf(doc.bytes);
  expect(r.pages.length).toBe(doc.pages);
  return { doc, ...r };
}

/** The fixture council with one action followed by the confidential VIF cellule, whose journal cites its meeting. */
function fixture(): Datastore {
  const d = buildFixture();
  const conf = d.actions[2];
  conf.title = 'ACTCONF accompagnement des victimes';
  conf.followingInstanceId = 'ins_vif';
  conf.indicators[0].title = 'INDCONF situations suivies';
  // A restricted action whose journal cites the confidential meeting.
  d.actions[3].journal.push({ id: 'jou_vif', at: '2026-10-09T10:00:00.000Z', field: 'progress', from: '45', to: '60', comment: 'DECISIONCONF orientation', meetingId: 'mee_vif' });
  return d;
}

const everyPage = (pages: string[], s: string) => pages.forEach((p, i) => expect(p, `page ${i + 1}`).toContain(s));
const noPage = (pages: string[], s: string) => pages.forEach((p, i) => expect(p, `page ${i + 1}`).not.toContain(s));

describe('documentLevel', () => {
  it('is the strictest level of what the document contains', () => {
    expect(documentLevel([])).toBe('public');
    expect(documentLevel(['public', 'restricted'])).toBe('restricted');
    expect(documentLevel(['restricted', 'confidential', 'public'])).toBe('confidential');
  });
});

describe('plan d’actions', () => {
  const data = fixture();

  it('by default leaves out the actions followed by a confidential instance, says so, and carries no confidential mark', async () => {
    const { text, pages } = await gen(data, 'plan');
    expect(text).not.toContain('ACTCONF');
    expect(text).toContain(t.marks.actionsLeftOut(1));
    expect(t.marks.actionsLeftOut(1)).toBe('1 action suivie par une instance confidentielle ne figure pas dans ce document.');
    expect(t.marks.actionsLeftOut(3)).toBe('3 actions suivies par une instance confidentielle ne figurent pas dans ce document.');
    noPage(pages, BANNER);
    noPage(pages, 'Confidentiel — ne pas diffuser');
    // The other actions are followed by the (restricted) comité de pilotage: the plan, adopted in plenary, stays public.
    noPage(pages, 'Diffusion restreinte');
  });

  it('with the explicit option prints them, with the banner and the confidential footer on every page', async () => {
    const { text, pages } = await gen(data, 'plan', { includeConfidential: true });
    expect(text).toContain('ACTCONF');
    expect(text).not.toContain(t.marks.actionsLeftOut(1));
    everyPage(pages, BANNER);
    everyPage(pages, 'Confidentiel — ne pas diffuser');
  });

  it('a plan of public actions only carries no mark at all', async () => {
    const d = fixture();
    for (const a of d.actions) a.followingInstanceId = 'ins_pleniere';
    for (const params of [{}, { includeConfidential: true }]) {
      const { pages } = await gen(d, 'plan', params);
      noPage(pages, 'Confidentiel');
      noPage(pages, 'Diffusion restreinte');
    }
  });
});

describe('tableau de bord / bilan annuel', () => {
  const data = fixture();

  it('by default leaves out confidential actions, meetings and attendance, says so in the counts, no banner', async () => {
    const { text, pages } = await gen(data, 'dashboard', { year: 2026 });
    expect(text).not.toContain('ACTCONF');
    expect(text).not.toContain('INDCONF');
    expect(text).not.toContain(VIF_NAME);
    expect(text).toContain(t.marks.actionsLeftOut(1));
    expect(text).toContain(t.marks.meetingsLeftOut(1));
    noPage(pages, BANNER);
    // Figures about the restricted formation's meetings are not restricted content.
    noPage(pages, 'Diffusion restreinte');
  });

  it('with the explicit option includes them, banner on every page, still never the notes or decisions of the meeting', async () => {
    const { text, pages } = await gen(data, 'dashboard', { year: 2026, includeConfidential: true });
    expect(text).toContain('INDCONF');
    expect(text).toContain(VIF_NAME);
    expect(text).not.toContain(t.marks.meetingsLeftOut(1));
    expect(text).not.toContain('NOTE-CONFIDENTIELLE');
    expect(text).not.toContain('Orientation vers l’intervenant social');
    everyPage(pages, BANNER);
  });
});

describe('fiche action', () => {
  const data = fixture();

  it('of an action followed by a confidential instance always carries the banner', async () => {
    const { text, pages } = await gen(data, 'fiche', { actionId: data.actions[2].id });
    expect(text).toContain('ACTCONF');
    everyPage(pages, BANNER);
    everyPage(pages, 'Confidentiel — ne pas diffuser');
  });

  it('of an action steered by the formation restreinte: public, no banner, and nothing said in a confidential meeting', async () => {
    const { text, pages } = await gen(data, 'fiche', { actionId: data.actions[3].id });
    noPage(pages, 'Diffusion restreinte');
    noPage(pages, BANNER);
    expect(text).not.toContain('DECISIONCONF');
    expect(text).not.toContain('Cellule de veille VIF — octobre');
    expect(text).toContain('instance confidentielle');
  });
});

describe('liste des membres', () => {
  const data = fixture();

  it('by default covers public and restricted instances, with « Diffusion restreinte », and says a group was left out', async () => {
    const { text, pages } = await gen(data, 'members');
    expect(text).not.toContain(VIF_NAME);
    expect(text).toContain('Formation restreinte');
    expect(text).toContain(t.marks.instancesLeftOut(1));
    everyPage(pages, 'Diffusion restreinte');
    noPage(pages, BANNER);
  });

  it('with the explicit option includes the confidential group, marked on every page', async () => {
    const { text, pages } = await gen(data, 'members', { includeConfidential: true });
    expect(text).toContain(VIF_NAME);
    expect(text).toMatch(/Charte signée/);
    everyPage(pages, BANNER);
  });

  it('one confidential group asked by its id is produced for its signatories, marked', async () => {
    const { pages } = await gen(data, 'members', { instanceId: 'ins_vif' });
    everyPage(pages, BANNER);
  });
});

describe('the option through IPC, the CLI and the dossier de séance', () => {
  it('is accepted by the IPC input schemas, strictly typed', () => {
    expect(documentsContract['documents:plan'].input.safeParse({ includeConfidential: true }).success).toBe(true);
    expect(documentsContract['documents:dashboard'].input.safeParse({ year: 2026, includeConfidential: true }).success).toBe(true);
    expect(documentsContract['documents:members'].input.safeParse({ includeConfidential: false }).success).toBe(true);
    expect(documentsContract['documents:plan'].input.safeParse({ includeConfidential: 'yes' }).success).toBe(false);
  });

  it('clspd pdf plan --include-confidential', async () => {
    const dir = join(work, 'cli-data');
    const store = Store.open(dir, { owner: 'test' });
    await store.initialise(fixture());
    await store.close();
    const io = { out: () => undefined, err: () => undefined };
    const plain = join(work, 'plan.pdf');
    const marked = join(work, 'plan-conf.pdf');
    expect(await runCli(['pdf', 'plan', '--data', dir, '--out', plain], commands, io)).toBe(0);
    expect(await runCli(['pdf', 'action-plan', '--data', dir, '--out', marked, '--include-confidential'], commands, io)).toBe(0);
    expect(pagesOf(readFileSync(plain)).text).not.toContain('ACTCONF');
    const conf = pagesOf(readFileSync(marked));
    expect(conf.text).toContain('ACTCONF');
    everyPage(conf.pages, BANNER);
  });

  it('the dossier de séance still leaves confidential content out by default and includes it on explicit choice', async () => {
    const data = fixture();
    const plain = pagesOf((await buildDossier(data, 'mee_pleniere', {}, NOW)).data);
    expect(plain.text).not.toContain('ACTCONF');
    expect(plain.text).not.toContain('INDCONF');
    expect(plain.text).not.toContain(VIF_NAME);
    const all = pagesOf((await buildDossier(data, 'mee_pleniere', { includeConfidential: true }, NOW)).data);
    expect(all.text).toContain('ACTCONF');
    expect(all.text).toContain('INDCONF');
  });
});
