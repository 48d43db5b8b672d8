// Browser E2E of « Réunions archivées »: after the strategy period is closed, its settled meetings are listed and opened read-only.
import { closePeriod } from '../../../src/main/services/strategy/periods';
import { expect, test } from './harness';

test('archived meetings of a closed period: list, read-only view, documents', async ({ page, harness }) => {
  test.setTimeout(120_000);
  await harness.seedDemo();
  const data = harness.ctx.store.data;
  const period = data.periods.find((p) => p.id === data.settings.activePeriodId)!;
  const liveBefore = data.meetings.map((m) => m.id);
  await closePeriod(harness.ctx, period.id);
  const archivedIds = liveBefore.filter((id) => !harness.ctx.store.data.meetings.some((m) => m.id === id));
  expect(archivedIds.length).toBeGreaterThan(0);

  await page.goto('/#/reunions');
  await page.getByText('Réunions archivées', { exact: true }).click();
  const table = page.getByRole('table', { name: 'Réunions archivées' });
  await expect(table).toBeVisible();
  await expect(table.getByRole('row')).toHaveCount(archivedIds.length + 1);
  await harness.screenshot(page, '55-reunions-archivees');

  // Opening the plenary: notes, decisions and attendance, nothing editable.
  await table.getByRole('link', { name: /plénière/i }).first().click();
  await expect(page.getByText(/elle est archivée et ne peut plus être modifiée/)).toBeVisible();
  await expect(page.getByRole('table', { name: 'Présence' })).toBeVisible();
  await expect(page.getByRole('main').getByRole('textbox')).toHaveCount(0);
  await page.getByRole('button', { name: 'Préparer le compte rendu' }).click();
  await expect(page.getByRole('button', { name: 'Enregistrer sous…' })).toBeVisible({ timeout: 30_000 });
  await harness.screenshot(page, '56-reunion-archivee');

  // Back to the list, still on the archives.
  await page.getByRole('link', { name: 'Réunions archivées' }).first().click();
  await expect(page.getByRole('table', { name: 'Réunions archivées' })).toBeVisible();
});
