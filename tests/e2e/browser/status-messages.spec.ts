// Screen readers hear saves, generations and exports as polite status messages (WCAG 4.1.3).
import { expect, test } from './harness';

test('generations, saves and exports are announced in polite status regions', async ({ page, harness }) => {
  await harness.seedDemo();
  const data = harness.ctx.store.data;
  const plenary = data.meetings.find((m) => m.status === 'validated' && m.confidentiality === 'public')!;
  const upcoming = data.meetings.find((m) => m.status === 'draft' || m.status === 'convened')!;

  // The save indicator of the header is one mounted status region.
  await page.goto('/#/documents');
  await expect(page.getByRole('heading', { name: 'Documents' })).toBeVisible();
  await expect(page.getByRole('banner').getByRole('status')).toHaveText(/Enregistré/);

  // Documents screen: « Document prêt » in a status region that was there before the generation.
  const ready = page.getByRole('status').filter({ hasText: /^Document prêt : Compte rendu/ });
  await expect(ready).toHaveCount(0);
  await page.getByTestId('doc-kind-minutes').click();
  await page.getByTestId('doc-meeting').click();
  await page.getByRole('option', { name: new RegExp(plenary.title) }).click();
  await page.getByTestId('doc-generate').click();
  await expect(ready).toHaveCount(1, { timeout: 30_000 });
  // « Enregistrer sous… »: the confirmation is a status (polite), not an alert.
  await page.getByTestId('doc-save').click();
  await expect(page.getByRole('status').filter({ hasText: /Document enregistré/ })).toHaveCount(1);
  await expect(page.getByRole('alert').filter({ hasText: /Document enregistré/ })).toHaveCount(0);

  // Meeting page: the convocation prepared there is announced by its own mounted status region.
  await page.goto(`/#/reunions/${upcoming.id}`);
  await page.getByRole('tab', { name: /^5\. / }).click();
  const status = page.getByTestId('document-status');
  await expect(status).toHaveText('');
  await expect(status).toHaveAttribute('role', 'status');
  await page.getByRole('button', { name: 'Préparer la convocation' }).click();
  await expect(status).toHaveText(/^Document prêt : .+, \d+ pages?\.$/, { timeout: 30_000 });

  // Sharing: the export of a full backup is confirmed by a status message.
  await page.goto('/#/partage');
  await page.getByRole('button', { name: 'Enregistrer une sauvegarde complète…' }).click();
  await expect(page.getByRole('status').filter({ hasText: /sauvegarde/i }).first()).toBeVisible({ timeout: 30_000 });
  expect(harness.savedFiles.length).toBeGreaterThan(1);
});

test('badges: the météo of an action is a named image a keyboard user can focus, the state badges read as their word', async ({ page, harness }) => {
  await harness.seedDemo();
  await page.goto('/#/plan');
  const meteo = page.getByRole('img', { name: /^Météo de l’action : (Dans les temps|À surveiller|En retard|Non renseignée)/ }).first();
  await expect(meteo).toBeVisible();
  await meteo.focus();
  await expect(meteo).toBeFocused();
  // The save indicator is a status whose text is the state itself.
  await expect(page.getByRole('banner').getByRole('status')).toHaveText('Enregistré');
});
