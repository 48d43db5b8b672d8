// Browser E2E of Paramètres « Mises à jour » and « Journal technique » (issue 10): off by default, what the browser can
// and cannot do said in French, and the two sections pass axe. The installed app's behaviour is in tests/e2e/electron/edge.spec.ts.
import { expectAccessible } from './axe';
import { expect, test } from './harness';

test('Paramètres shows updates off (unavailable outside the installed app) and the technical log button, accessibly', async ({ page, harness }) => {
  await harness.seedDemo();
  await page.goto('/#/parametres');
  const updates = page.getByRole('heading', { name: 'Mises à jour' });
  await updates.scrollIntoViewIfNeeded();
  await expect(updates).toBeVisible();
  const toggle = page.getByRole('switch', { name: 'Rechercher les mises à jour automatiquement' });
  await expect(toggle).not.toBeChecked();
  await expect(toggle).toBeDisabled();
  await expect(page.getByText('Les mises à jour ne s’appliquent qu’à l’application installée')).toBeVisible();
  await expect(page.getByText(/Provenance des mises à jour : les versions publiées du projet/)).toBeVisible();
  await expectAccessible(page, 'Paramètres — mises à jour et journal technique');
  await page.getByRole('button', { name: 'Ouvrir le journal technique' }).click();
  await expect(page.getByText('Le journal technique n’existe que dans l’application installée sur l’ordinateur.')).toBeVisible();
  await harness.screenshot(page, '10-parametres-mises-a-jour');
});
