// Browser E2E of the instance page: add a member, remove one (confirmation, then undo), end a mandate, sign the charter,
// record the yearly bilan de la charte and delete it (confirmation, then undo) — every change checked in the store.
import type { Page } from '@playwright/test';
import { expect, test } from './harness';

/** A member's action button: « <action> : <civility> <first name> <last name> ». */
function memberButton(page: Page, action: string, lastName: string) {
  const escape = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return page.getByRole('button', { name: new RegExp(`^${escape(action)} : .*${escape(lastName)}$`) });
}

test('instance page: members, end of mandate, charter, bilan — deletions confirmed and undone', async ({ page, harness }) => {
  test.setTimeout(180_000);
  await harness.seedDemo();
  await page.goto('/');
  const data = () => harness.ctx.store.data;
  await page.getByRole('navigation', { name: 'Sections' }).getByText('Instances').click();
  await expect(page.getByRole('heading', { name: 'Instances' })).toBeVisible();

  // A fresh cellule de veille (confidential, no meeting yet), two members, charter not signed.
  await page.getByRole('button', { name: 'Nouvelle cellule' }).first().click();
  const cellDialog = page.getByRole('dialog');
  await cellDialog.getByLabel('Thème de la cellule').fill('Squats');
  const members = cellDialog.getByRole('combobox', { name: 'Membres' });
  for (const who of ['Dubreuil', 'Haddad']) {
    await members.fill(who);
    await page.getByRole('option', { name: new RegExp(who) }).first().click();
  }
  await cellDialog.getByLabel('Thème de la cellule').click(); // closes the members' list
  await cellDialog.getByRole('button', { name: 'Créer la cellule' }).click();
  await expect(page.getByRole('heading', { name: 'Cellule de veille — Squats' })).toBeVisible();
  const cell = data().instances.find((i) => i.theme === 'Squats')!;
  const ofCell = () => data().memberships.filter((m) => m.instanceId === cell.id);
  expect(ofCell()).toHaveLength(2);
  const haddad = data().people.find((p) => p.lastName === 'Haddad')!;
  const dubreuil = data().people.find((p) => p.lastName === 'Dubreuil')!;
  const newcomer = data().people.find((p) => p.lastName && !['Haddad', 'Dubreuil'].includes(p.lastName))!;

  // Add a member.
  await page.getByRole('button', { name: 'Ajouter un membre' }).click();
  const add = page.getByRole('dialog', { name: 'Ajouter un membre' });
  await add.getByRole('combobox', { name: 'Personne' }).fill(newcomer.lastName);
  await page.getByRole('option', { name: new RegExp(newcomer.lastName) }).first().click();
  await add.getByRole('button', { name: 'Ajouter', exact: true }).click();
  await expect(add).toBeHidden();
  await expect.poll(() => ofCell().length).toBe(3);
  expect(ofCell().find((m) => m.personId === newcomer.id)).toMatchObject({ role: 'designated', seat: 'titular' });

  // Remove it (a typing mistake): confirmation, deletion, then undo.
  await memberButton(page, 'Supprimer (saisie erronée)', newcomer.lastName).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Supprimer', exact: true }).click();
  await expect.poll(() => ofCell().length).toBe(2);
  await page.getByRole('button', { name: 'Annuler la suppression' }).click();
  await expect.poll(() => ofCell().length).toBe(3);

  // End Haddad's mandate.
  await memberButton(page, 'Mettre fin', haddad.lastName).click();
  const end = page.getByRole('dialog', { name: 'Mettre fin à l’appartenance' });
  await end.getByRole('button', { name: 'Mettre fin' }).click();
  await expect(end).toBeHidden();
  await expect.poll(() => ofCell().find((m) => m.personId === haddad.id)?.endDate).toBeTruthy();

  // Dubreuil signs the charter today.
  await memberButton(page, 'Charte signée aujourd’hui', dubreuil.lastName).click();
  await expect.poll(() => ofCell().find((m) => m.personId === dubreuil.id)?.charterSignedAt).toBeTruthy();

  // The year's bilan de la charte: recorded, deleted with confirmation, then restored.
  const governance = page.getByTestId('governance-panel');
  const year = new Date().getFullYear();
  await governance.getByRole('button', { name: 'Enregistrer le bilan de l’année' }).click();
  const review = page.getByRole('dialog', { name: 'Enregistrer le bilan de l’année' });
  await review.getByLabel('Observations du groupe').fill('Charte relue en séance ; aucune difficulté.');
  await review.getByRole('button', { name: 'Enregistrer', exact: true }).click();
  await expect(review).toBeHidden();
  const reviews = () => data().instances.find((i) => i.id === cell.id)?.charterReviews ?? [];
  await expect.poll(() => reviews().length).toBe(1);
  await governance.getByRole('button', { name: `Supprimer le bilan ${year}` }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Supprimer', exact: true }).click();
  await expect.poll(() => reviews().length).toBe(0);
  await page.getByRole('button', { name: 'Annuler la suppression' }).click();
  await expect.poll(() => reviews().length).toBe(1);
  await harness.screenshot(page, '42b-instance-membres-et-charte');
});
