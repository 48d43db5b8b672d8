// Team mode in the browser: Partage › Importer with the browser's file picker, by keyboard — a file of another type or
// too large is refused in French before anything is sent; a file with an error line imports nothing; a clean file is
// previewed by the server, reviewed and applied; axe-core finds nothing on the screen, its hint, its refusal and preview.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, type Page } from '@playwright/test';
import type pg from 'pg';
import { sharing } from '../../../src/shared/i18n/sharing';
import { teamFiles } from '../../../src/shared/i18n/team-files';
import { MAX_UPLOAD_BYTES } from '../../../src/shared/import-files';
import { expectAccessible } from './axe';
import { postgresBinDir } from '../../helpers/pg';
import { loginAs, startTeamServer, type TeamServer } from './team-server';

/** The preview is read by a worker the server starts on first use: slow on a loaded machine. */
const PREVIEW_WAIT = 60_000;
let team: TeamServer;
let pool: pg.Pool;

test.skip(!postgresBinDir() && !process.env.CLSPD_TEST_DATABASE_URL, 'PostgreSQL n’est pas installé : tests du mode équipe ignorés.');

test.beforeAll(async () => {
  test.setTimeout(180_000);
  team = await startTeamServer([{ email: 'agnes@valmont.fr', displayName: 'Agnès Martin', role: 'staff' }]);
  pool = team.pool;
});

test.afterAll(async () => {
  await team?.stop();
});

/** The button that opens the picker, used from the keyboard: focused, then Enter; the picker gets `file`. */
async function chooseByKeyboard(page: Page, label: string, file: { name: string; mimeType: string; buffer: Buffer } | string): Promise<void> {
  // Listening first: the browser is told to hand the picker to the test before the round trips below.
  const chooser = page.waitForEvent('filechooser');
  const button = page.getByRole('button', { name: label });
  await button.focus();
  await expect(button).toBeFocused();
  await page.keyboard.press('Enter');
  const picker = await chooser;
  expect(picker.isMultiple()).toBe(false);
  await picker.setFiles(file);
}

const csv = (name: string, text: string) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${text}`, 'utf8') });
const entitySeq = async () => (await pool.query<{ seq: string }>('SELECT seq FROM meta')).rows[0]!.seq;
const pendingCount = async () => Number((await pool.query<{ n: string }>('SELECT count(*) AS n FROM pending_imports')).rows[0]!.n);

test('Partage › Importer in the browser: the picker by keyboard, French refusals, preview and « Appliquer » on the server (axe)', async ({ browser }) => {
  test.setTimeout(240_000);
  const page = await loginAs(browser, team.base, 'agnes@valmont.fr');
  await expect(page.getByRole('button', { name: /Connecté : Agnès Martin/ })).toBeVisible({ timeout: 20_000 });
  await page.addStyleTag({ content: '.mantine-Notifications-root { display: none !important; }' });
  await page.goto('/#/partage/importer?type=partners');
  await expect(page.getByRole('heading', { level: 1, name: 'Importer un fichier' })).toBeVisible();
  await expect(page.getByText(teamFiles.uploadHint(['xlsx', 'csv', 'txt']))).toBeVisible();
  await expectAccessible(page, 'import dans le navigateur');
  const seq = await entitySeq();

  // Another type: refused here, nothing sent.
  await chooseByKeyboard(page, 'Choisir le fichier…', { name: 'compte-rendu.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\n') });
  await expect(page.getByRole('alert')).toContainText(teamFiles.uploadWrongType('compte-rendu.pdf', ['xlsx', 'csv', 'txt']));
  await expectAccessible(page, 'import refusé (type de fichier)');
  // Too large for the server: refused here too (a file on disk: the browser reads it, not the test's protocol).
  const large = join(mkdtempSync(join(tmpdir(), 'clspd-e2e-')), 'enorme.csv');
  writeFileSync(large, Buffer.alloc(MAX_UPLOAD_BYTES + 1024, 0x41));
  await chooseByKeyboard(page, 'Choisir le fichier…', large);
  await expect(page.getByRole('alert')).toContainText('il dépasse 14 Mo et ne peut pas être envoyé au serveur de l’équipe');
  expect(await pendingCount()).toBe(0);

  // A line in error: the server's preview says so, nothing can be applied, nothing is written.
  await chooseByKeyboard(page, 'Choisir le fichier…', csv('partenaires-erreur.csv', 'Nom de la structure;Catégorie;Contact;Courriel\r\nLudothèque des Quatre-Vents;Centres sociaux;Léa Martin;lea@tilleuls.fr\r\nPermanence juridique des Tilleuls;Justice;Paul Droit;pas-une-adresse\r\n'));
  await expect(page.getByText('Ligne 3, colonne « Courriel » : « pas-une-adresse » n’est pas une adresse électronique valide (exemple : prenom.nom@ville.fr).')).toBeVisible({ timeout: PREVIEW_WAIT });
  await expect(page.getByRole('button', { name: /Importer les lignes retenues/ })).toBeDisabled();
  expect(await entitySeq()).toBe(seq);
  expect(await pendingCount()).toBe(1);

  // Another file: the previous preview is abandoned (removed from the server), the new one reviewed and applied.
  await chooseByKeyboard(page, 'Choisir un autre fichier…', csv('partenaires.csv', 'Nom de la structure;Catégorie;Contact;Courriel\r\nLudothèque des Quatre-Vents;Centres sociaux;Léa Martin;lea@tilleuls.fr\r\nPermanence juridique des Tilleuls;Justice;Paul Droit;paul.droit@mdd.fr\r\n'));
  await expect(page.getByText('2 lignes : 2 créations, 0 mise à jour, 0 inchangée, 0 en erreur.')).toBeVisible({ timeout: PREVIEW_WAIT });
  await expectAccessible(page, 'aperçu de l’import dans le navigateur');
  expect(await pendingCount()).toBe(1);
  const keep = page.getByRole('checkbox', { name: 'Retenir — Ligne 3' });
  await keep.focus();
  await page.keyboard.press('Space');
  await expect(keep).not.toBeChecked();
  const apply = page.getByRole('button', { name: 'Importer les lignes retenues (1)' });
  await apply.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: sharing.dialog.applied(1) })).toBeVisible({ timeout: 20_000 });
  const names = (await pool.query<{ name: string }>("SELECT payload->>'name' AS name FROM entities WHERE collection = 'organisations'")).rows.map((r) => r.name);
  expect(names).toContain('Ludothèque des Quatre-Vents');
  expect(names).not.toContain('Permanence juridique des Tilleuls');
  expect(await pendingCount()).toBe(0);
  await expectAccessible(page, 'import appliqué dans le navigateur');
  await page.context().close();
});
