// Browser E2E accessibility audit: axe-core (WCAG 2.1 A/AA) on every screen, dialog, the command palette, each séance state and the register and coffre screens, with the demo data.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { DEMO_PASSPHRASE } from '../../../src/main/services/vault';
import { closePeriod } from '../../../src/main/services/strategy/periods';
import { DATA_FILE, Store } from '../../../src/main/store/store';
import { Vault } from '../../../src/main/vault/vault';
import { registerSettingsOf } from '../../../src/shared/register-defaults';
import { expectAccessible } from './axe';
import { expect, test, type Harness } from './harness';

/** Opens a route of the HashRouter and waits for the screen's content. */
async function visit(page: Page, path: string): Promise<void> {
  await page.goto(`/#${path}`);
  await expect(page.locator('main').locator('h1, h2, textarea').first()).toBeVisible();
  await expect(page.locator('main .mantine-Loader')).toHaveCount(0);
}

async function openDemo(page: Page, harness: Harness): Promise<void> {
  await harness.seedDemo();
  await page.goto('/');
  await expect(page.getByRole('navigation', { name: 'Sections' })).toBeVisible();
}

/** Opens a dialog with `open`, checks it, closes it with Escape. */
async function checkDialog(page: Page, where: string, open: () => Promise<void>): Promise<void> {
  await open();
  await expect(page.getByRole('dialog').last()).toBeVisible();
  await expectAccessible(page, where, '[role="dialog"]');
  // A select or date picker open inside the dialog takes the first Escape: press until the dialog is gone.
  for (let i = 0; i < 3 && (await page.getByRole('dialog').count()) > 0; i++) {
    await page.keyboard.press('Escape');
    await page.waitForTimeout(300);
  }
  await expect(page.getByRole('dialog')).toHaveCount(0);
}

test('first run screens', async ({ page, harness }) => {
  expect(harness.dataDir).toBeTruthy();
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Bienvenue dans Coordination CLSPD' })).toBeVisible();
  await expectAccessible(page, 'Premier lancement');
  await page.getByRole('button', { name: 'Créer le CLSPD de ma commune' }).click();
  await expectAccessible(page, 'Création du conseil');
});

test('dashboard, plan, fiche action, suivi par axe and their dialogs', async ({ page, harness }) => {
  test.setTimeout(600_000);
  await openDemo(page, harness);
  const data = harness.ctx.store.data;
  await visit(page, '/');
  await expectAccessible(page, 'Tableau de bord');
  await page.keyboard.press('Control+k');
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.keyboard.type('réunion');
  await expectAccessible(page, 'Palette de commandes', '[role="dialog"]');
  await page.keyboard.press('Escape');
  await checkDialog(page, 'Raccourcis clavier', () => page.getByRole('button', { name: 'Raccourcis clavier' }).click());

  await visit(page, '/plan');
  await expectAccessible(page, 'Plan d’actions');
  await checkDialog(page, 'Ajouter une action', () => page.getByRole('button', { name: 'Ajouter une action' }).first().click());
  await checkDialog(page, 'Ajouter un axe', () => page.getByRole('button', { name: 'Ajouter un axe' }).first().click());
  await checkDialog(page, 'Périodes', () => page.getByRole('button', { name: 'Périodes de la stratégie' }).click());
  await checkDialog(page, 'Ajouter un objectif', () => page.getByRole('button', { name: 'Ajouter un objectif' }).first().click());

  const action = data.actions.find((a) => a.status === 'in_progress') ?? data.actions[0];
  await visit(page, `/plan/actions/${action.id}`);
  await expectAccessible(page, 'Fiche action');
  await checkDialog(page, 'Mettre à jour', () => page.getByRole('button', { name: 'Mettre à jour' }).first().click());
  await checkDialog(page, 'Ajouter un indicateur', () => page.getByRole('button', { name: 'Ajouter un indicateur' }).click());
  await checkDialog(page, 'Modifier la fiche', async () => {
    await page.getByRole('button', { name: 'Modifier' }).first().click();
  });

  await visit(page, `/plan/axes/${data.axes[0].id}`);
  await expectAccessible(page, 'Suivi par axe');
});

test('meetings, the meeting steps and their dialogs', async ({ page, harness }) => {
  test.setTimeout(600_000);
  await openDemo(page, harness);
  const data = harness.ctx.store.data;
  await visit(page, '/reunions');
  await expectAccessible(page, 'Réunions');
  await checkDialog(page, 'Nouvelle réunion', () => page.getByRole('button', { name: 'Nouvelle réunion' }).first().click());
  await visit(page, '/reunions/decisions');
  await expectAccessible(page, 'Journal des décisions');

  const planned = data.meetings.find((m) => m.status === 'draft' || m.status === 'convened') ?? data.meetings[0];
  for (const step of ['prep', 'invitations', 'minutes', 'documents']) {
    await visit(page, `/reunions/${planned.id}?etape=${step}`);
    await expectAccessible(page, `Réunion à préparer — ${step}`);
  }
  await visit(page, `/reunions/${planned.id}?etape=prep`);
  await checkDialog(page, 'Ajouter un point', () => page.getByRole('button', { name: 'Ajouter un point' }).click());
  await visit(page, `/reunions/${planned.id}?etape=invitations`);
  await checkDialog(page, 'Inviter une personne', () => page.getByRole('button', { name: 'Inviter une personne de l’annuaire' }).click());

  const held = data.meetings.find((m) => m.status === 'held' || m.status === 'validated');
  if (held) {
    await visit(page, `/reunions/${held.id}`);
    await expectAccessible(page, 'Réunion tenue — compte rendu');
  }
});

test('séance: before start, running, capture dialogs, shortcuts, ending, ended', async ({ page, harness }) => {
  test.setTimeout(600_000);
  await openDemo(page, harness);
  const planned = harness.ctx.store.data.meetings.find((m) => m.status === 'draft' || m.status === 'convened')!;
  await visit(page, `/reunions/${planned.id}/seance`);
  await expectAccessible(page, 'Séance — pas encore démarrée');
  await visit(page, `/reunions/${planned.id}`);
  await page.getByRole('button', { name: 'Démarrer la séance' }).first().click();
  await expect(page.getByRole('button', { name: /Terminer la séance/ })).toBeVisible();
  await page.keyboard.press('Alt+ArrowDown');
  await expectAccessible(page, 'Séance — en cours');
  await checkDialog(page, 'Séance — décision', () => page.keyboard.press('Control+d'));
  await checkDialog(page, 'Séance — action', () => page.keyboard.press('Control+Shift+A'));
  await checkDialog(page, 'Séance — participant ajouté', () => page.getByRole('button', { name: 'Ajouter un participant arrivé sans invitation' }).click());
  await checkDialog(page, 'Séance — raccourcis', () => page.getByRole('button', { name: 'Raccourcis', exact: true }).click());
  await checkDialog(page, 'Séance — terminer', () => page.getByRole('button', { name: /Terminer la séance/ }).click());
  await page.getByRole('button', { name: /Terminer la séance/ }).click();
  await page.getByRole('dialog').getByRole('button', { name: /Terminer la séance/ }).click();
  await expect(page.getByRole('tab', { name: /Compte rendu/ })).toBeVisible();
  await expectAccessible(page, 'Séance terminée — compte rendu');
  await visit(page, `/reunions/${planned.id}/seance`);
  await expectAccessible(page, 'Séance — après la fin');
});

test('instances, partners, documents, sharing, settings and their dialogs', async ({ page, harness }) => {
  test.setTimeout(600_000);
  await openDemo(page, harness);
  const data = harness.ctx.store.data;
  await visit(page, '/instances');
  await expectAccessible(page, 'Instances');
  await checkDialog(page, 'Nouvelle cellule', () => page.getByRole('button', { name: 'Nouvelle cellule' }).first().click());
  await checkDialog(page, 'Nouvelle instance', () => page.getByRole('button', { name: 'Nouvelle instance' }).first().click());
  await visit(page, `/instances/${data.instances[0].id}`);
  await expectAccessible(page, 'Instance');
  await checkDialog(page, 'Ajouter un membre', () => page.getByRole('button', { name: 'Ajouter un membre' }).first().click());
  await checkDialog(page, 'Modifier l’instance', async () => {
    await page.locator('main').getByRole('button', { name: 'Autres actions' }).first().click();
    await page.getByRole('menuitem', { name: 'Modifier', exact: true }).click();
  });

  await visit(page, '/partenaires');
  await expectAccessible(page, 'Partenaires');
  await checkDialog(page, 'Ajouter un partenaire', () => page.getByRole('button', { name: 'Ajouter un partenaire' }).first().click());
  await visit(page, `/partenaires/${data.organisations[0].id}`);
  await expectAccessible(page, 'Fiche partenaire');
  await checkDialog(page, 'Ajouter un contact', () => page.getByRole('button', { name: 'Ajouter un contact' }).click());
  await checkDialog(page, 'Modifier le partenaire', () => page.getByRole('button', { name: 'Modifier', exact: true }).click());
  await checkDialog(page, 'Confirmer la suppression', () => page.getByRole('button', { name: 'Supprimer', exact: true }).click());

  for (const kind of ['convocation', 'minutes', 'plan', 'dashboard']) {
    await visit(page, `/documents?kind=${kind}`);
    await expectAccessible(page, `Documents — ${kind}`);
  }
  await visit(page, '/partage');
  await expectAccessible(page, 'Partage');
  await checkDialog(page, 'Exporter', () => page.getByRole('button', { name: /Exporter/ }).first().click());
  await visit(page, '/partage/importer');
  await expectAccessible(page, 'Importer');
  await visit(page, '/parametres');
  await expectAccessible(page, 'Paramètres');
});

test('register, situation, DPO journal, correspondence, coffre screens and their dialogs', async ({ page, harness }) => {
  test.setTimeout(600_000);
  // The demo as the app sets it up: coffre created with the demo passphrase, register inside.
  const vault = new Vault(harness.dataDir);
  harness.ctx.vault = vault;
  await openDemo(page, harness);
  await harness.ctx.store.update((d) => {
    d.registerSettings = { ...registerSettingsOf(d), correspondenceEnabled: true, countsOnDashboard: true };
  });
  const situations = vault.read().situations;
  const open = situations.find((s) => s.status === 'open' || s.status === 'in_follow_up')!;
  const archived = situations.find((s) => s.status === 'archived')!;

  await visit(page, '/');
  await expectAccessible(page, 'Tableau de bord — effectifs du registre');
  await visit(page, '/registre');
  await expectAccessible(page, 'Registre des situations');
  await checkDialog(page, 'Nouvelle situation', () => page.getByRole('button', { name: 'Nouvelle situation' }).first().click());
  await visit(page, `/registre/${open.id}`);
  await expectAccessible(page, 'Situation');
  await checkDialog(page, 'Modifier la situation', () => page.getByRole('button', { name: 'Modifier la situation' }).click());
  await checkDialog(page, 'Clore la situation', () => page.getByRole('button', { name: 'Clore la situation' }).click());
  await checkDialog(page, 'Table de correspondance — phrase de passe', () => page.getByRole('button', { name: 'Afficher le nom' }).click());
  await page.getByRole('button', { name: 'Afficher le nom' }).click();
  await page.getByRole('dialog').getByLabel('Phrase de passe').fill(DEMO_PASSPHRASE);
  await page.getByRole('dialog').getByRole('button', { name: 'Afficher' }).click();
  await expect(page.getByLabel('Nom lié à la référence')).toBeVisible();
  await expectAccessible(page, 'Situation — nom affiché');
  await visit(page, `/registre/${archived.id}`);
  await expectAccessible(page, 'Situation archivée — motif');
  await visit(page, '/registre/journal');
  await expect(page.getByRole('table', { name: 'Journal des accès' })).toBeVisible();
  await expectAccessible(page, 'Journal de protection des données');
  const postpone = page.getByRole('button', { name: 'Reporter' }).first();
  if (await postpone.count()) await checkDialog(page, 'Reporter la purge', () => postpone.click());

  // Locked: the register's unlock screen, a confidential meeting's inline unlock, the coffre in Paramètres.
  vault.lock();
  await visit(page, '/registre');
  await expect(page.getByRole('heading', { name: 'Le registre protégé est verrouillé' })).toBeVisible();
  await expectAccessible(page, 'Registre — coffre verrouillé');
  await page.getByRole('button', { name: 'J’ai perdu ma phrase de passe' }).click();
  await expectAccessible(page, 'Registre — clé de secours');
  const cells = new Set(harness.ctx.store.data.instances.filter((i) => i.confidentiality === 'confidential').map((i) => i.id));
  const confidential = harness.ctx.store.data.meetings.find((m) => cells.has(m.instanceId) && (m.status === 'held' || m.status === 'validated'));
  if (confidential) {
    await page.goto(`/#/reunions/${confidential.id}`);
    await expect(page.getByRole('button', { name: 'Déverrouiller' })).toBeVisible();
    await expectAccessible(page, 'Réunion confidentielle — coffre verrouillé');
  }
  await visit(page, '/parametres');
  await expectAccessible(page, 'Paramètres — coffre verrouillé');

  // First use: the gate that creates the coffre.
  harness.ctx.vault = new Vault(join(harness.dataDir, 'autre-dossier'));
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expectAccessible(page, 'Coffre — première utilisation');
});

test('more dialogs: attendance, move, indicator, objective, periods and its confirmation, membership, governance, guest, confirmations', async ({ page, harness }) => {
  test.setTimeout(600_000);
  const vault = new Vault(harness.dataDir);
  harness.ctx.vault = vault;
  await openDemo(page, harness);
  const data = harness.ctx.store.data;
  await visit(page, '/reunions');
  await checkDialog(page, 'Présence par structure', () => page.getByRole('button', { name: 'Présence par structure' }).click());

  const action = data.actions.find((a) => a.status === 'in_progress' && a.indicators.length > 0)!;
  await visit(page, `/plan/actions/${action.id}`);
  await checkDialog(page, 'Déplacer l’action', async () => {
    await page.locator('main').getByRole('button', { name: 'Autres actions', exact: true }).first().click();
    await page.getByRole('menuitem', { name: 'Déplacer l’action' }).click();
  });
  await checkDialog(page, 'Modifier l’indicateur', () => page.getByRole('button', { name: /^Modifier l’indicateur/ }).first().click());

  await visit(page, '/plan');
  await checkDialog(page, 'Déplacer l’objectif', async () => {
    await page.getByRole('button', { name: /^Autres actions sur l’objectif/ }).first().click();
    await page.getByRole('menuitem', { name: 'Déplacer vers un autre axe' }).click();
  });
  // A confirmation on top of the periods dialog: checked, then Escape closes only the confirmation.
  await page.getByRole('button', { name: 'Périodes de la stratégie' }).click();
  const periods = page.getByRole('dialog', { name: 'Périodes de la stratégie' });
  await periods.getByRole('button', { name: 'Clôturer et démarrer une nouvelle période' }).click();
  await periods.getByLabel(/^Titre de la nouvelle période/).fill('Stratégie territoriale 2027–2030');
  await periods.getByRole('button', { name: 'Clôturer et démarrer une nouvelle période' }).last().click();
  const confirm = page.getByRole('dialog', { name: 'Clôturer la période en cours ?' });
  await expect(confirm).toBeVisible();
  await expectAccessible(page, 'Périodes — confirmation de clôture', '[role="dialog"]');
  await page.keyboard.press('Escape');
  await expect(confirm).toHaveCount(0);
  await expect(periods).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);

  const cell = data.instances.find((i) => i.confidentiality === 'confidential' && data.memberships.some((m) => m.instanceId === i.id))!;
  await visit(page, `/instances/${cell.id}`);
  await expectAccessible(page, 'Cellule de veille — charte et règlement');
  await checkDialog(page, 'Mettre fin à l’appartenance', () => page.getByRole('button', { name: /^Mettre fin : / }).first().click());
  await checkDialog(page, 'Supprimer une appartenance — confirmation', () => page.getByRole('button', { name: /^Supprimer \(saisie erronée\) : / }).first().click());
  await checkDialog(page, 'Clore l’instance', async () => {
    await page.locator('main').getByRole('button', { name: 'Autres actions : modifier, clore l’instance' }).click();
    await page.getByRole('menuitem', { name: 'Clore l’instance' }).click();
  });
  await checkDialog(page, 'Règlement intérieur', () => page.getByRole('button', { name: 'Modifier le règlement' }).click());
  await checkDialog(page, 'Bilan de la charte', () => page.getByRole('button', { name: 'Enregistrer le bilan de l’année' }).click());

  const planned = data.meetings.find((m) => m.status === 'draft' || m.status === 'convened')!;
  await visit(page, `/reunions/${planned.id}?etape=invitations`);
  await checkDialog(page, 'Inviter une personne extérieure', () => page.getByRole('button', { name: 'Inviter une personne extérieure' }).click());
  await checkDialog(page, 'Supprimer la réunion — confirmation', () => page.getByTestId(/^meeting-delete/).click());

  await visit(page, '/documents?kind=plan');
  await checkDialog(page, 'Documents — inclure le confidentiel', () => page.getByTestId('doc-include-confidential').click());
  await visit(page, '/parametres');
  await page.getByRole('button', { name: 'Sauvegarder maintenant' }).click();
  await checkDialog(page, 'Restaurer une sauvegarde — confirmation', () => page.getByRole('button', { name: 'Restaurer', exact: true }).first().click());
});

test('archived meetings and the recovery screen of an unreadable data file', async ({ page, harness }) => {
  test.setTimeout(300_000);
  await openDemo(page, harness);
  const data = harness.ctx.store.data;
  await closePeriod(harness.ctx, data.settings.activePeriodId!);
  await visit(page, '/reunions');
  await page.getByText('Réunions archivées', { exact: true }).click();
  await expect(page.getByRole('table', { name: 'Réunions archivées' })).toBeVisible();
  await expectAccessible(page, 'Réunions archivées');
  await page.getByRole('table', { name: 'Réunions archivées' }).getByRole('link').first().click();
  await expect(page.getByText(/elle est archivée et ne peut plus être modifiée/)).toBeVisible();
  await expectAccessible(page, 'Réunion archivée');

  // A data file that cannot be read: the recovery screen, before anything else.
  const brokenDir = join(harness.dataDir, 'illisible');
  mkdirSync(brokenDir);
  writeFileSync(join(brokenDir, DATA_FILE), '{ ceci n’est pas un fichier de données');
  harness.ctx.store = Store.open(brokenDir, { owner: 'test' });
  await page.goto('/');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expectAccessible(page, 'Récupération des données');
});

test('keyboard: a dialog opened with Entrée takes the focus, Échap closes it and gives the focus back to its opener', async ({ page, harness }) => {
  test.setTimeout(300_000);
  const vault = new Vault(harness.dataDir);
  harness.ctx.vault = vault;
  await openDemo(page, harness);
  const open = vault.read().situations.find((s) => s.status === 'open' || s.status === 'in_follow_up')!;
  const cases: [string, string][] = [
    ['/registre', 'Nouvelle situation'],
    [`/registre/${open.id}`, 'Modifier la situation'],
    [`/registre/${open.id}`, 'Clore la situation'],
    ['/partage', 'Exporter un tableau…'],
    ['/partage', 'Exporter un tableau…'],
  ];
  for (const [path, name] of cases) {
    await visit(page, path);
    const opener = page.locator('main').getByRole('button', { name, exact: true }).first();
    await opener.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    await expect(dialog).toBeVisible();
    await expect.poll(() => dialog.evaluate((d) => d.contains(document.activeElement)), { message: `${name}: focus inside the dialog` }).toBe(true);
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expect(opener, `${name}: focus back on its opener`).toBeFocused();
  }
});
