// Team mode in the browser, read-only account against a real `clspd serve`: no edit control on the main screens, the « Lecture seule » label, axe and keyboard; a staff account still edits (and has no coordinator-only parts).
import { test, expect, type Browser, type Page } from '@playwright/test';
import { postgresBinDir } from '../../helpers/pg';
import { expectAccessible } from './axe';
import { expectHeaderBadgesInside, expectReflows, REFLOW_SIZES, shot } from './reflow';
import { loginAs, startTeamServer, type TeamServer } from './team-server';

let team: TeamServer | undefined;

test.skip(!postgresBinDir() && !process.env.CLSPD_TEST_DATABASE_URL, 'PostgreSQL n’est pas installé : tests du mode équipe ignorés.');
test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  team = await startTeamServer([
    { email: 'elise@valmont.fr', displayName: 'Élise Adjointe', role: 'reader' },
    { email: 'agnes@valmont.fr', displayName: 'Agnès Martin', role: 'staff' },
  ]);
});

test.afterAll(async () => {
  await team?.stop();
});

/** What a control that creates, changes, moves or deletes is called on these screens. */
const EDIT_NAME = /^(Ajouter|Nouvelle|Nouveau|Modifier|Supprimer|Convoquer|Démarrer la séance|Mettre à jour|Archiver|Déplacer|Monter|Descendre|Retirer|Valider|Reprendre|Signer|Enregistrer$|Autres actions|Menu de l’|Démarrer une nouvelle période|Clore|Importer)/;

/** Names of the visible buttons, links, menu items and form controls that can be used (not disabled). */
async function usableControls(page: Page): Promise<string[]> {
  return page.locator('button, a[href], [role="menuitem"], input, textarea, select, [role="button"]').evaluateAll((els) =>
    els
      .filter((el) => {
        const r = el.getBoundingClientRect();
        const hidden = r.width === 0 || r.height === 0 || getComputedStyle(el).visibility === 'hidden';
        return !hidden && !(el as HTMLButtonElement).disabled && !(el as HTMLInputElement).readOnly && el.closest('header') === null;
      })
      .map((el) => (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().replace(/\s+/g, ' ')),
  );
}

async function expectNoEditControl(page: Page, where: string): Promise<void> {
  const names = await usableControls(page);
  expect(names.length, `${where}: the screen shows its controls`).toBeGreaterThan(0);
  expect(
    names.filter((n) => EDIT_NAME.test(n)),
    `${where}: no edit control offered to a reader`,
  ).toEqual([]);
}

async function reader(browser: Browser, viewport?: { width: number; height: number }): Promise<Page> {
  const page = await loginAs(browser, team!.base, 'elise@valmont.fr', undefined, viewport);
  await expect(page.getByRole('button', { name: /Connecté : Élise Adjointe/ })).toBeVisible({ timeout: 20_000 });
  return page;
}

test('a reader sees the data, the « Lecture seule » label and no edit control on the main screens (axe, keyboard)', async ({ browser }) => {
  test.setTimeout(180_000);
  const { demo } = team!;
  const page = await reader(browser);
  const badge = page.getByTestId('read-only-badge');
  await expect(badge).toContainText('Lecture seule');
  // Said to screen readers too: why nothing can be changed.
  await expect(badge).toContainText('pas de les modifier');

  await expect(page.getByRole('heading', { level: 1, name: 'Tableau de bord' })).toBeVisible();
  await expectNoEditControl(page, 'tableau de bord');
  await expectAccessible(page, 'tableau de bord (lecture seule)');
  await shot(page, 'team-reader-01-tableau-de-bord');

  await page.goto('/#/plan');
  await expect(page.getByRole('heading', { level: 1, name: /^Plan d.actions/ })).toBeVisible();
  await expect(page.getByRole('region', { name: /^Axe 1/ }).or(page.locator('section[aria-label^="Axe 1"]')).first()).toBeVisible();
  await expectNoEditControl(page, 'plan d’actions');
  await expectAccessible(page, 'plan d’actions (lecture seule)');
  await shot(page, 'team-reader-02-plan');

  const action = demo.actions.find((a) => !a.archived && a.confidentiality !== 'confidential')!;
  await page.goto(`/#/plan/actions/${action.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(action.title.slice(0, 20));
  await expect(page.getByRole('button', { name: 'Imprimer la fiche' })).toBeVisible();
  await expectNoEditControl(page, 'fiche action');
  await expectAccessible(page, 'fiche action (lecture seule)');
  await shot(page, 'team-reader-03-fiche-action');

  const meeting = demo.meetings.find((m) => (m.status === 'draft' || m.status === 'convened') && m.confidentiality !== 'confidential')!;
  await page.goto(`/#/reunions/${meeting.id}`);
  await expect(page.getByRole('heading', { level: 1, name: meeting.title })).toBeVisible();
  await expect(page.getByLabel('Lieu')).toBeDisabled();
  await expect(page.getByText('les informations sont affichées sans pouvoir être modifiées', { exact: false })).toBeVisible();
  await expectNoEditControl(page, 'réunion');
  await expectAccessible(page, 'réunion (lecture seule)');
  await shot(page, 'team-reader-04-reunion');
  for (const step of ['2. Invitations et présence', '3. Séance', '4. Compte rendu', '5. Documents']) {
    await page.getByRole('tab', { name: step }).click();
    await expect(page.getByRole('tab', { name: step })).toHaveAttribute('aria-selected', 'true');
    await expectNoEditControl(page, `réunion, ${step}`);
  }
  // Minutes waiting for validation: read, not validated nor written by a reader.
  const held = demo.meetings.find((m) => m.status === 'held' && m.confidentiality !== 'confidential')!;
  await page.goto(`/#/reunions/${held.id}?etape=minutes`);
  await expect(page.getByRole('heading', { level: 1, name: held.title })).toBeVisible();
  await expect(page.getByRole('tab', { name: '4. Compte rendu' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('textbox')).toHaveCount(0);
  await expectNoEditControl(page, 'compte rendu à valider');
  await expectAccessible(page, 'compte rendu (lecture seule)');
  await shot(page, 'team-reader-06-compte-rendu');
  // The séance's address leads back to the meeting's page.
  await page.goto(`/#/reunions/${meeting.id}/seance`);
  await expect(page).toHaveURL(new RegExp(`/reunions/${meeting.id}$`));

  await page.goto('/#/reunions');
  await expect(page.getByRole('heading', { level: 1, name: 'Réunions' })).toBeVisible();
  await expectNoEditControl(page, 'réunions');
  await page.goto('/#/reunions?nouvelle=1');
  await expect(page.getByRole('heading', { level: 1, name: 'Réunions' })).toBeVisible();
  await expect(page.getByRole('dialog')).toHaveCount(0);

  await page.goto('/#/partenaires');
  await expect(page.getByRole('heading', { level: 1, name: 'Partenaires' })).toBeVisible();
  await expectNoEditControl(page, 'partenaires');
  await expectAccessible(page, 'partenaires (lecture seule)');
  const partner = demo.organisations[0]!;
  await page.goto(`/#/partenaires/${partner.id}`);
  await expect(page.getByRole('heading', { level: 1, name: partner.name })).toBeVisible();
  await expectNoEditControl(page, 'fiche partenaire');
  await expectAccessible(page, 'fiche partenaire (lecture seule)');
  await shot(page, 'team-reader-05-partenaire');

  await page.goto('/#/instances');
  await expect(page.getByRole('heading', { level: 1, name: 'Instances' })).toBeVisible();
  await expectNoEditControl(page, 'instances');
  const instance = demo.instances.find((i) => i.confidentiality !== 'confidential')!;
  await page.goto(`/#/instances/${instance.id}`);
  await expect(page.getByRole('heading', { level: 1, name: instance.name })).toBeVisible();
  await expectNoEditControl(page, 'instance');

  // Import refused before any file is chosen; exports stay.
  await page.goto('/#/partage');
  await expect(page.getByText(/l’import de données est réservé/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Importer un fichier…' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Exporter un tableau/ }).first()).toBeVisible();
  await page.goto('/#/partage/importer');
  await expect(page.getByText(/l’import de données est réservé/)).toBeVisible();
  await expect(page.getByRole('button', { name: /Choisir le fichier/ })).toHaveCount(0);

  // Paramètres: the council's identity shown, not editable; no backup to make or restore.
  await page.goto('/#/parametres');
  await expect(page.getByText('Ces réglages sont réservés à la coordination')).toBeVisible();
  await expect(page.getByLabel(/^Commune/)).toBeDisabled();
  await expect(page.getByRole('button', { name: /Sauvegarder maintenant|Restaurer/ })).toHaveCount(0);
  await expectAccessible(page, 'paramètres (lecture seule)');

  // The palette offers the sections, not « Nouvelle réunion ».
  await page.goto('/#/');
  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog');
  await expect(palette.getByText('Ouvrir le plan d’actions').or(palette.getByText('Plan d’actions')).first()).toBeVisible();
  await expect(palette.getByText('Nouvelle réunion')).toHaveCount(0);
  await expect(palette.getByText('Ajouter une action')).toHaveCount(0);
  await page.keyboard.press('Escape');

  // Keyboard: from the skip link, Tab goes through the page's controls with a visible focus, none of them an edit.
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: /^Plan d.actions/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Plan d.actions/ })).toBeVisible();
  // The new screen's heading takes the focus first (not a control: no ring); Tab goes on from there.
  await expect(page.locator('#contenu :focus')).toHaveCount(1);
  const reached: string[] = [];
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    const f = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return undefined;
      const style = getComputedStyle(el);
      return { name: (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().replace(/\s+/g, ' '), outline: style.outlineStyle !== 'none' || style.boxShadow !== 'none' };
    });
    if (f) {
      reached.push(f.name);
      expect(f.outline, `visible focus on « ${f.name} »`).toBe(true);
    }
  }
  expect(reached.some((n) => /Axe 1|Voir le suivi|Suivi de l’axe/.test(n)) || reached.length > 10).toBe(true);
  expect(reached.filter((n) => EDIT_NAME.test(n))).toEqual([]);
  await page.context().close();
});

test('a reader still produces the documents it can see', async ({ browser }) => {
  test.setTimeout(120_000);
  const page = await reader(browser);
  await page.goto('/#/documents');
  await page.getByTestId('doc-kind-plan').click();
  await page.getByTestId('doc-generate').click();
  await expect(page.getByTestId('pdf-page').first()).toBeVisible({ timeout: 60_000 });
  await expectAccessible(page, 'documents (lecture seule)');
  await page.context().close();
});

test('the « Lecture seule » label fits the header at 640×360 and 320 px', async ({ browser }) => {
  test.setTimeout(120_000);
  for (const size of REFLOW_SIZES) {
    const page = await reader(browser, { width: size.width, height: size.height });
    await expect(page.getByTestId('read-only-badge')).toBeVisible();
    await expectHeaderBadgesInside(page, `lecture seule (${size.name})`);
    await expectReflows(page, `tableau de bord, lecture seule (${size.name})`);
    await shot(page, `team-reader-reflow-${size.name}`);
    await page.context().close();
  }
});

test('a staff account still edits: no « Lecture seule », edit controls offered and saved; coordinator-only parts not offered', async ({ browser }) => {
  test.setTimeout(120_000);
  const { demo, pool } = team!;
  const page = await loginAs(browser, team!.base, 'agnes@valmont.fr');
  await expect(page.getByRole('button', { name: /Connecté : Agnès Martin/ })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId('read-only-badge')).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Ajouter une action' })).toBeVisible();

  const action = demo.actions.find((a) => !a.archived && a.confidentiality !== 'confidential')!;
  await page.goto(`/#/plan/actions/${action.id}`);
  await page.getByRole('button', { name: 'Modifier', exact: true }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Modifier la fiche' });
  await dialog.getByLabel(/^Public cible/).fill('Parents d’élèves');
  await dialog.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(dialog).toBeHidden();
  const row = await pool.query<{ t: string }>("SELECT payload->>'targetPublic' AS t FROM entities WHERE collection = 'actions' AND id = $1", [action.id]);
  expect(row.rows[0]!.t).toBe('Parents d’élèves');
  await shot(page, 'team-staff-fiche-action');

  // The audit log (accounts' activity) is the coordinator's; so are the council's settings and the complete backup.
  await page.getByRole('button', { name: /Connecté : Agnès Martin/ }).click();
  await expect(page.getByRole('menuitem', { name: 'Journal des modifications' })).toHaveCount(0);
  await page.keyboard.press('Escape');
  await page.goto('/#/parametres');
  await expect(page.getByText('Ces réglages sont réservés à la coordination')).toBeVisible();
  await expect(page.getByLabel(/^Commune/)).toBeDisabled();
  await expectAccessible(page, 'paramètres (membre du service)');
  await shot(page, 'team-staff-parametres');
  await page.goto('/#/partage');
  await expect(page.getByRole('button', { name: 'Importer un fichier…' })).toBeVisible();
  await expect(page.getByRole('button', { name: /sauvegarde complète/i })).toHaveCount(0);
  await page.context().close();
});
