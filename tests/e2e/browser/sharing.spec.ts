// Browser E2E of sharing: the export dialog (confidential content only on explicit choice) and the import preview (errors, review, apply, update file).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { sharing } from '../../../src/shared/i18n/sharing';
import { buildSharingDataset, SECRET_DECISION } from '../../fixtures/sharing/dataset';
import { expect, test, type Harness } from './harness';

/** The import preview comes from a worker started on first use: on a loaded machine it can take well over 10 s. */
const PREVIEW_WAIT = 30_000;

async function shot(page: Page, harness: Harness, name: string) {
  await page.addStyleTag({ content: '.mantine-Notifications-root { display: none !important; }' });
  await harness.screenshot(page, name);
}

test('export dialog: confidential decisions left out, then included only after the explicit choice', async ({ page, harness }) => {
  await harness.ctx.store.initialise(buildSharingDataset());
  await page.goto('/#/partage');
  await expect(page.getByRole('heading', { name: 'Partage' })).toBeVisible();
  await shot(page, harness, '60-partage');
  await page.getByRole('button', { name: 'Exporter un tableau…' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Exporter' });
  await dialog.getByRole('combobox', { name: 'Tableau' }).click();
  await page.getByRole('option', { name: /Décisions et actions décidées/ }).click();
  await expect(dialog.getByText('1 ligne confidentielle laissée de côté.')).toBeVisible();
  await dialog.getByText('Tableau simple, pour tout tableur (point-virgule)').click();
  await shot(page, harness, '61-export-dialogue');
  await dialog.getByRole('button', { name: 'Enregistrer sous…' }).click();
  await expect(dialog.getByRole('status')).toContainText('Fichier enregistré');
  const plain = harness.savedFiles.at(-1)!;
  expect(plain).toMatch(/decisions-\d{4}-\d{2}-\d{2}\.csv$/);
  expect(readFileSync(plain, 'utf8')).not.toContain(SECRET_DECISION);

  // Ticking the box asks for confirmation; cancelling keeps it unticked.
  await dialog.getByLabel('Inclure les contenus confidentiels').click();
  await page.getByRole('button', { name: 'Annuler' }).click();
  await expect(page.getByRole('dialog', { name: 'Exporter' }).getByLabel('Inclure les contenus confidentiels')).not.toBeChecked();
  await page.getByRole('dialog', { name: 'Exporter' }).getByLabel('Inclure les contenus confidentiels').click();
  await shot(page, harness, '62-export-confirmation-confidentiel');
  await page.getByRole('button', { name: 'Inclure et marquer le fichier' }).click();
  const d2 = page.getByRole('dialog', { name: 'Exporter' });
  await expect(d2.getByText(sharing.ui.confidentialIncluded)).toBeVisible();
  await d2.getByRole('button', { name: 'Enregistrer sous…' }).click();
  await expect(d2.getByRole('status')).toContainText('CONFIDENTIEL');
  const marked = harness.savedFiles.at(-1)!;
  expect(marked).toMatch(/CONFIDENTIEL-decisions-/);
  const text = readFileSync(marked, 'utf8');
  expect(text.slice(1).split('\r\n')[0]).toBe(sharing.confidentialBanner);
  expect(text).toContain(SECRET_DECISION);
});

test('import preview: row and column errors block everything, a clean file is reviewed line by line then applied', async ({ page, harness }) => {
  await harness.ctx.store.initialise(buildSharingDataset());
  const bad = join(harness.dataDir, 'exports', 'partenaires-erreur.csv');
  writeFileSync(bad, '\uFEFFNom de la structure;Catégorie;Contact;Courriel\r\nCentre social Arc-en-ciel;Centres sociaux;Léa Martin;lea@arc.fr\r\nMaison de justice;Justice;Paul Droit;pas-une-adresse\r\n');
  const before = readFileSync(join(harness.dataDir, 'clspd.json'));
  await page.goto('/#/partage/importer?type=partners');
  await expect(page.getByRole('heading', { name: 'Importer un fichier' })).toBeVisible();
  harness.nextOpenPath = bad;
  await page.getByRole('button', { name: 'Choisir le fichier…' }).click();
  await expect(page.getByText('Ligne 3, colonne « Courriel » : « pas-une-adresse » n’est pas une adresse électronique valide (exemple : prenom.nom@ville.fr).')).toBeVisible({ timeout: PREVIEW_WAIT });
  await expect(page.getByRole('button', { name: /Importer les lignes retenues/ })).toBeDisabled();
  await shot(page, harness, '63-import-erreurs');
  expect(readFileSync(join(harness.dataDir, 'clspd.json')).equals(before)).toBe(true);

  const good = join(harness.dataDir, 'exports', 'partenaires.csv');
  writeFileSync(good, '\uFEFFNom de la structure;Catégorie;Contact;Courriel\r\nCentre social Arc-en-ciel;Centres sociaux;Léa Martin;lea@arc.fr\r\nMaison de justice;Justice;Paul Droit;paul.droit@mjd.fr\r\nHABITAT LOIRE;Bailleur social;;\r\n');
  harness.nextOpenPath = good;
  await page.getByRole('button', { name: 'Choisir un autre fichier…' }).click();
  await expect(page.getByText('3 lignes : 2 créations, 0 mise à jour, 1 inchangée, 0 en erreur.')).toBeVisible({ timeout: PREVIEW_WAIT });
  await page.getByRole('checkbox', { name: 'Retenir — Ligne 3' }).uncheck();
  await shot(page, harness, '64-import-apercu');
  await page.getByRole('button', { name: 'Importer les lignes retenues (2)' }).click();
  await expect(page.getByRole('status').filter({ hasText: '1 ligne importée.' })).toBeVisible();
  const names = harness.ctx.store.data.organisations.map((o) => o.name);
  expect(names).toContain('Centre social Arc-en-ciel');
  expect(names).not.toContain('Maison de justice');
});

test('update file round trip: export for a pilot, partner edits it, the preview shows old → new and applies', async ({ page, harness }) => {
  await harness.ctx.store.initialise(buildSharingDataset());
  await page.goto('/#/partage');
  await page.getByRole('combobox', { name: 'Structure pilote' }).click();
  await page.getByRole('option', { name: /Commissariat de Valmont/ }).click();
  await page.getByRole('button', { name: 'Exporter la fiche…' }).click();
  await expect.poll(() => harness.savedFiles.length).toBe(1);
  const packFile = harness.savedFiles[0];
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(packFile) as unknown as ArrayBuffer);
  wb.getWorksheet(sharing.sheets.updatePack)!.eachRow((r) => {
    if (r.getCell(1).value === 'A:act_1') {
      r.getCell(6).value = 'Réalisée';
      r.getCell(7).value = 130;
    }
    if (r.getCell(1).value === 'A:act_2') r.getCell(7).value = 15;
  });
  const filled = join(harness.dataDir, 'exports', 'fiche-remplie.xlsx');
  writeFileSync(filled, Buffer.from(await wb.xlsx.writeBuffer()));

  await page.getByRole('button', { name: 'Importer une fiche remplie…' }).click();
  await expect(page.getByRole('heading', { name: 'Importer un fichier' })).toBeVisible();
  harness.nextOpenPath = filled;
  await page.getByRole('button', { name: 'Choisir le fichier…' }).click();
  await expect(page.getByText(/Fiche de mise à jour de Commissariat de Valmont/)).toBeVisible({ timeout: PREVIEW_WAIT });
  await expect(page.getByText('130 % dépasse le maximum (100 %).', { exact: false })).toBeVisible();
  await expect(page.getByText('Avancement : 0 % → 15 %', { exact: false })).toBeVisible();
  await shot(page, harness, '65-fiche-mise-a-jour-apercu');
  await page.getByRole('button', { name: 'Importer les lignes retenues (1)' }).click();
  await expect(page.getByRole('status').filter({ hasText: '1 ligne importée.' })).toBeVisible();
  const a2 = harness.ctx.store.data.actions.find((a) => a.id === 'act_2')!;
  expect(a2.progress).toBe(15);
  expect(a2.journal.at(-1)?.comment).toMatch(/^mise à jour transmise par Commissariat de Valmont le /);
});
