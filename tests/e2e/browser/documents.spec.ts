// Browser E2E of the Documents screen: generate a compte rendu and a plan, preview with pdf.js, save as, relevé for a confidential meeting, confidential content only on explicit choice.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, test } from './harness';

test('generate, preview and save documents from the Documents screen', async ({ page, harness }) => {
  await harness.seedDemo();
  const data = harness.ctx.store.data;
  const plenary = data.meetings.find((m) => m.status === 'validated' && m.confidentiality === 'public')!;
  const confidential = data.meetings.find((m) => m.confidentiality === 'confidential' && (m.status === 'validated' || m.status === 'held'))!;

  await page.goto('/#/documents');
  await expect(page.getByRole('heading', { name: 'Documents' })).toBeVisible();
  for (const label of ['Convocation et ordre du jour', 'Feuille d’émargement', 'Compte rendu', 'Plan d’actions', 'Fiche action', 'Liste des membres']) {
    await expect(page.getByRole('radio', { name: new RegExp(label) })).toBeVisible();
  }
  await harness.screenshot(page, '60-documents');

  // Compte rendu of the plenary: preview pages appear, then « Enregistrer sous… » writes the PDF.
  await page.getByTestId('doc-kind-minutes').click();
  await page.getByTestId('doc-meeting').click();
  await page.getByRole('option', { name: new RegExp(plenary.title) }).click();
  await page.getByTestId('doc-generate').click();
  const result = page.getByTestId('doc-result');
  await expect(result.getByText(`Compte rendu — ${plenary.title}`)).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('pdf-page').first()).toBeVisible({ timeout: 30_000 });
  await harness.screenshot(page, '61-documents-apercu-compte-rendu');
  await page.getByTestId('doc-save').click();
  await expect(page.getByText(/Document enregistré/)).toBeVisible();
  expect(harness.savedFiles.at(-1)).toMatch(/compte-rendu-.*\.pdf$/);
  expect(readFileSync(harness.savedFiles.at(-1)!).subarray(0, 5).toString()).toBe('%PDF-');

  // A confidential meeting gives a relevé de décisions.
  await page.getByTestId('doc-meeting').click();
  await page.getByRole('option', { name: new RegExp(confidential.title) }).click();
  await page.getByTestId('doc-generate').click();
  await expect(result.getByText(`Relevé de décisions — ${confidential.title}`)).toBeVisible({ timeout: 30_000 });

  // Plan d'actions, landscape, with several pages.
  await page.getByTestId('doc-kind-plan').click();
  await page.getByTestId('doc-generate').click();
  await expect(page.getByTestId('pdf-page').nth(1)).toBeVisible({ timeout: 30_000 });
  await harness.screenshot(page, '62-documents-apercu-plan');
});

test('the bilan annuel previews, and the compte rendu only offers meetings that were held', async ({ page, harness }) => {
  await harness.seedDemo();
  await page.goto('/#/documents?kind=dashboard');
  await expect(page.getByTestId('doc-year')).toBeVisible();
  await page.getByTestId('doc-generate').click();
  await expect(page.getByTestId('pdf-page').first()).toBeVisible({ timeout: 30_000 });
  // The meeting picker of the compte rendu only offers meetings that were held.
  await page.getByTestId('doc-kind-minutes').click();
  await page.getByTestId('doc-meeting').click();
  const draft = harness.ctx.store.data.meetings.find((m) => m.status === 'draft');
  if (draft) await expect(page.getByRole('option', { name: new RegExp(draft.title) })).toHaveCount(0);
});

test('opened from an action, the fiche action is generated and previewed at once', async ({ page, harness }) => {
  await harness.seedDemo();
  const action = harness.ctx.store.data.actions[0];
  await page.goto(`/#/documents?kind=fiche&action=${action.id}`);
  await expect(page.getByTestId('doc-result').getByText(new RegExp(`Fiche action ${action.code.replace(/\./g, '\\.')}`))).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('pdf-page').first()).toBeVisible({ timeout: 30_000 });
  await harness.screenshot(page, '63-documents-fiche-action');
});

test('the plan leaves confidential instances’ actions out unless included after a confirmation, then carries the banner', async ({ page, harness }) => {
  await harness.seedDemo();
  const data = harness.ctx.store.data;
  const confidentialIds = new Set(data.instances.filter((i) => i.confidentiality === 'confidential').map((i) => i.id));
  const action = data.actions.find((a) => !a.archived && a.followingInstanceId && confidentialIds.has(a.followingInstanceId))!;
  const textOf = (file: string) => execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  const banner = 'informations échangées au titre de l’article L132-5 du CSI';

  await page.goto('/#/documents?kind=plan');
  const option = page.getByLabel('Inclure les éléments des instances confidentielles');
  await expect(option).not.toBeChecked();
  await page.getByTestId('doc-generate').click();
  await expect(page.getByTestId('pdf-page').first()).toBeVisible({ timeout: 30_000 });
  await page.getByTestId('doc-save').click();
  await expect(page.getByText(/Document enregistré/)).toBeVisible();
  const plain = textOf(harness.savedFiles.at(-1)!);
  const needle = action.title.replace(/'/g, '’').slice(0, 20);
  expect(plain).not.toContain(needle);
  expect(plain).not.toContain(banner);
  expect(plain).toMatch(/suivies? par une instance confidentielle ne figurent? pas dans ce document/);

  // Ticking the option asks for confirmation (CSI L132-5); cancelling leaves it off.
  await option.click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByText(/L132-5/)).toBeVisible();
  await dialog.getByRole('button', { name: 'Annuler' }).click();
  await expect(option).not.toBeChecked();
  await option.click();
  await page.getByRole('dialog').getByRole('button', { name: 'Inclure et marquer le document' }).click();
  await expect(option).toBeChecked();
  await harness.screenshot(page, '64-documents-plan-confidentiel');
  await page.getByTestId('doc-generate').click();
  await expect(page.getByTestId('pdf-page').first()).toBeVisible({ timeout: 30_000 });
  await page.getByTestId('doc-save').click();
  await expect(page.getByText(/Document enregistré/).last()).toBeVisible();
  const marked = textOf(harness.savedFiles.at(-1)!);
  expect(marked).toContain(banner);
  expect(marked).toContain(needle);
});
