// Browser E2E of the foundation: first run, demo data, partner CRUD, a French validation error, settings, command palette and shortcuts help.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createPartner } from '../../../src/main/services/directory';
import { attendanceStats } from '../../../src/main/services/meetings/meetings';
import { expect, test } from './harness';

/** A valid 1×1 transparent PNG. */
const ONE_PIXEL_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

test('first run creates a council from the form', async ({ page, harness }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Bienvenue dans Coordination CLSPD' })).toBeVisible();
  await harness.screenshot(page, '00-premier-lancement');
  await page.getByRole('button', { name: 'Créer le CLSPD de ma commune' }).click();
  // Submitting without a commune shows the French error next to the field.
  await page.getByRole('button', { name: 'Créer le conseil' }).click();
  await expect(page.getByText('Indiquez le nom de la commune.')).toBeVisible();
  await page.getByLabel('Commune').fill('Saint-Exemple');
  await page.getByText('CLSPDR', { exact: true }).click();
  await harness.screenshot(page, '01-creation-du-conseil');
  await page.getByRole('button', { name: 'Créer le conseil' }).click();
  await expect(page.getByText('CLSPDR de Saint-Exemple')).toBeVisible();
  expect(harness.ctx.store.data.settings.communeName).toBe('Saint-Exemple');
  expect(harness.ctx.store.data.axes.length).toBe(3);
});

test('demo data, then partner create, edit, validation error, delete and undo', async ({ page, harness }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Ouvrir la démonstration' }).click();
  await expect(page.getByRole('navigation', { name: 'Sections' })).toBeVisible();
  await harness.screenshot(page, '02-accueil-demo');

  await page.getByRole('navigation', { name: 'Sections' }).getByText('Partenaires').click();
  await expect(page.getByRole('heading', { name: 'Partenaires' })).toBeVisible();
  await harness.screenshot(page, '03-partenaires');

  await page.getByRole('button', { name: 'Ajouter un partenaire' }).first().click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Nom de la structure').fill('Association Les Lucioles d’Été');
  await dialog.getByRole('textbox', { name: 'Courriel' }).fill('pas-une-adresse');
  await dialog.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(dialog.getByText('Choisissez une catégorie.')).toBeVisible();
  await expect(dialog.getByText('L’adresse électronique n’est pas valide. Exemple : prenom.nom@ville.fr')).toBeVisible();
  await harness.screenshot(page, '04-partenaire-erreurs');
  await dialog.getByLabel('Catégorie').click();
  await page.getByRole('option', { name: 'Associations' }).click();
  await dialog.getByRole('textbox', { name: 'Courriel' }).fill('contact@lucioles.example');
  await dialog.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByRole('heading', { name: 'Association Les Lucioles d’Été' })).toBeVisible();
  expect(harness.ctx.store.data.organisations.some((o) => o.name === 'Association Les Lucioles d’Été')).toBe(true);

  await page.getByRole('button', { name: 'Ajouter un contact' }).click();
  const personDialog = page.getByRole('dialog');
  await personDialog.getByLabel('Prénom').fill('Inès');
  await personDialog.getByRole('textbox', { name: 'Nom', exact: true }).fill('Garnier');
  await personDialog.getByLabel('Fonction').fill('Directrice');
  await personDialog.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByText('Inès Garnier')).toBeVisible();
  await expect(personDialog).toBeHidden();
  // A new structure has not been invited to any meeting yet.
  await expect(page.getByText(`La structure n’a été invitée à aucune réunion en ${new Date().getFullYear()}.`)).toBeVisible();
  await harness.screenshot(page, '05-fiche-partenaire');

  // The server-side check refuses a duplicate name with a French message.
  await page.getByRole('button', { name: 'Modifier', exact: true }).click();
  const editDialog = page.getByRole('dialog');
  const existing = 'Commissariat de police de test';
  await createPartner(harness.ctx, { name: existing, categoryId: 'police_nationale' });
  await editDialog.getByLabel('Nom de la structure').fill(existing);
  await editDialog.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(editDialog.getByText(`Une structure s’appelle déjà « ${existing} »`, { exact: false })).toBeVisible();
  await editDialog.getByRole('button', { name: 'Annuler' }).click();

  // Delete with confirmation, then undo.
  await page.getByRole('button', { name: 'Supprimer', exact: true }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Supprimer' }).click();
  await expect(page.getByRole('heading', { name: 'Partenaires' })).toBeVisible();
  expect(harness.ctx.store.data.organisations.some((o) => o.name === 'Association Les Lucioles d’Été')).toBe(false);
  await page.getByRole('button', { name: 'Annuler la suppression' }).click();
  await expect(page.getByText('Association Les Lucioles d’Été').first()).toBeVisible();
  expect(harness.ctx.store.data.people.some((p) => p.lastName === 'Garnier')).toBe(true);

  // Filtering as you type.
  await page.getByRole('textbox', { name: 'Rechercher', exact: true }).fill('lucioles d ete');
  await expect(page.getByRole('table', { name: 'Liste des partenaires' }).getByRole('row')).toHaveCount(2);

  // A demo institution invited to this year's meetings shows its attendance rate and counts.
  const stats = attendanceStats(harness.ctx, new Date().getFullYear()).filter((r) => r.invited > 0);
  if (stats.length > 0) {
    const top = stats.reduce((a, b) => (b.invited > a.invited ? b : a));
    await page.goto(`/#/partenaires/${top.organisationId}`);
    const card = page.getByText('Présence aux réunions (année)').locator('..');
    await expect(card.getByText(`${Math.round(top.rate)}\u00a0%`)).toBeVisible();
    await expect(card.getByText(`${top.invited} invitation${top.invited > 1 ? 's' : ''}`)).toBeVisible();
    await harness.screenshot(page, '05b-fiche-partenaire-presence');
  }
});

test('settings save the council identity and list backups', async ({ page, harness }) => {
  await harness.seedDemo();
  harness.ctx.store.backup('manual');
  await page.goto('/#/parametres');
  await expect(page.getByRole('heading', { name: 'Paramètres' })).toBeVisible();
  await page.getByLabel('Adresse de la mairie').fill('1 place de la Mairie, 45000 Valmont-sur-Loire');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByText('Paramètres enregistrés.')).toBeVisible();
  expect(harness.ctx.store.data.settings.address).toBe('1 place de la Mairie, 45000 Valmont-sur-Loire');
  await expect(page.getByRole('table', { name: 'Sauvegardes' })).toBeVisible();
  // « Choisir un fichier… » asks the (fake) dialog for an image and saves its path.
  const logo = join(harness.dataDir, 'logo.png');
  writeFileSync(logo, Buffer.from(ONE_PIXEL_PNG, 'base64'));
  harness.nextOpenPath = logo;
  await page.getByRole('button', { name: 'Choisir un fichier…' }).click();
  await expect(page.getByLabel('Logo (chemin d’un fichier PNG ou JPEG)')).toHaveValue(logo);
  await expect.poll(() => harness.ctx.store.data.settings.logoPath).toBe(logo);
  await harness.screenshot(page, '06-parametres');
});

test('command palette (Ctrl+K) lists French commands and opens a partner; « ? » shows the shortcuts', async ({ page, harness }) => {
  await harness.seedDemo();
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Tableau de bord' })).toBeVisible();
  await page.keyboard.press('Control+K');
  const search = page.getByRole('textbox', { name: 'Rechercher ou lancer une commande' });
  await expect(search).toBeFocused();
  for (const label of ['Ouvrir le tableau de bord', 'Ouvrir le plan d’actions', 'Ouvrir les réunions', 'Ouvrir les documents à imprimer', 'Ajouter un partenaire', 'Afficher les raccourcis clavier']) {
    await expect(page.getByRole('button', { name: label })).toBeVisible();
  }
  await harness.screenshot(page, '07-palette-commandes');
  // Accents are optional when typing a command.
  await search.fill('reunions');
  await expect(page.getByRole('button', { name: 'Ouvrir les réunions' })).toBeVisible();
  await search.fill('Valbus');
  await expect(page.getByRole('button', { name: /Valbus — réseau de transport urbain/ }).first()).toBeVisible();
  await harness.screenshot(page, '08-palette-recherche');
  await search.press('Enter');
  await expect(page.getByRole('heading', { name: 'Valbus — réseau de transport urbain' })).toBeVisible();

  // « ? » outside a text field opens the shortcuts help.
  await page.locator('body').click({ position: { x: 5, y: 400 } });
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Raccourcis clavier' });
  await expect(help).toBeVisible();
  await expect(help.getByText('Rechercher une action, une réunion, un partenaire ou lancer une commande')).toBeVisible();
  await page.waitForTimeout(400); // end of the opening transition, for a sharp screenshot
  await harness.screenshot(page, '09-raccourcis');
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
  await page.getByRole('button', { name: 'Raccourcis clavier (?)' }).click();
  await expect(help).toBeVisible();
});
