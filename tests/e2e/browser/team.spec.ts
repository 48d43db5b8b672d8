// Team mode in the browser against a real `clspd serve` on a throwaway PostgreSQL: login, two colleagues editing the same action and meeting, conflicts, audit log, exports and PDFs downloaded, expiry; axe on the login and audit screens; their reflow at 640×360 and 320 px.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, type Browser, type Page } from '@playwright/test';
import type pg from 'pg';
import { addUser } from '../../../src/main/server/accounts';
import type { Datastore } from '../../../src/shared/model';
import { postgresBinDir } from '../../helpers/pg';
import { expectAccessible } from './axe';
import { expectHeaderBadgesInside, expectReflows, REFLOW_SIZES, shot } from './reflow';
import { loginAs, PASSWORD, ROOT, startTeamServer, type TeamServer } from './team-server';

let team: TeamServer | undefined;
let pool: pg.Pool;
let base = '';
let demo: Datastore;
let otp = '';

test.skip(!postgresBinDir() && !process.env.CLSPD_TEST_DATABASE_URL, 'PostgreSQL n’est pas installé : tests du mode équipe ignorés.');
test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  team = await startTeamServer([
    { email: 'claire@valmont.fr', displayName: 'Claire Durand', role: 'coordinator' },
    { email: 'agnes@valmont.fr', displayName: 'Agnès Martin', role: 'staff' },
    { email: 'bruno@valmont.fr', displayName: 'Bruno Petit', role: 'staff' },
    { email: 'nouvelle@valmont.fr', displayName: 'Nina Nouvelle', role: 'staff', oneTime: true },
  ]);
  ({ pool, base, demo } = team);
  otp = team.oneTimePasswords['nouvelle@valmont.fr']!;
});

test.afterAll(async () => {
  await team?.stop();
});

function login(browser: Browser, email: string, password = PASSWORD): Promise<Page> {
  return loginAs(browser, base, email, password);
}

test('login screen in French, one-time password changed at first login, who is connected, logout', async ({ browser }) => {
  const context = await browser.newContext({ baseURL: base });
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Connexion à l’espace de l’équipe' })).toBeVisible();
  await expectAccessible(page, 'connexion (navigateur)');
  await page.getByLabel(/^Adresse électronique/).fill('agnes@valmont.fr');
  await page.getByLabel(/^Mot de passe/).fill('pas le bon');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.getByRole('alert')).toContainText('Adresse électronique ou mot de passe incorrect');
  await expectAccessible(page, 'connexion refusée (navigateur)');
  await context.close();

  const nina = await login(browser, 'nouvelle@valmont.fr', otp);
  await expect(nina.getByRole('heading', { level: 1, name: 'Choisissez votre mot de passe' })).toBeVisible();
  await expectAccessible(nina, 'changement du mot de passe provisoire');
  await nina.getByLabel(/^Nouveau mot de passe/).fill('mon mot de passe à moi');
  await nina.getByLabel(/^Confirmez le nouveau mot de passe/).fill('mon mot de passe à moi');
  await nina.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
  await expect(nina.getByRole('button', { name: /Connecté : Nina Nouvelle/ })).toBeVisible({ timeout: 20_000 });
  await expect(nina.getByText('Connecté : Nina Nouvelle')).toBeVisible();
  await nina.getByRole('button', { name: /Connecté : Nina Nouvelle/ }).click();
  await expect(nina.getByRole('menuitem', { name: 'Journal des modifications' })).toHaveCount(0);
  await nina.getByRole('menuitem', { name: 'Se déconnecter' }).click();
  await expect(nina.getByText('Vous êtes déconnecté.')).toBeVisible();
  await nina.context().close();
});

test('two colleagues on the same action: each sees the other’s change; a stale edit is a conflict naming her and showing her change', async ({ browser }) => {
  test.setTimeout(120_000);
  const action = demo.actions.find((x) => !x.archived && x.confidentiality !== 'confidential')!;
  const agnes = await login(browser, 'agnes@valmont.fr');
  const bruno = await login(browser, 'bruno@valmont.fr');
  for (const p of [agnes, bruno]) {
    await expect(p.getByRole('button', { name: /Connecté : / })).toBeVisible({ timeout: 20_000 });
    await p.goto(`/#/plan/actions/${action.id}`);
    await expect(p.getByRole('heading', { level: 1 })).toContainText(action.title.slice(0, 20));
  }
  // Agnès renames the action; Bruno's page shows it by itself.
  const editSheet = async (p: Page, field: string, value: string) => {
    await p.getByRole('button', { name: 'Modifier', exact: true }).first().click();
    const dialog = p.getByRole('dialog', { name: 'Modifier la fiche' });
    await dialog.getByLabel(new RegExp(`^${field}`)).fill(value);
    return dialog;
  };
  let dialog = await editSheet(agnes, 'Intitulé', 'Prévention aux abords des collèges (Agnès)');
  await dialog.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(dialog).toBeHidden();
  await expect(bruno.getByRole('heading', { level: 1 })).toContainText('Prévention aux abords des collèges (Agnès)', { timeout: 10_000 });

  // Bruno opens the sheet; meanwhile Agnès changes the title again; Bruno's save is refused, naming her and her change.
  const brunoDialog = await editSheet(bruno, 'Public cible', 'Collégiens et familles');
  dialog = await editSheet(agnes, 'Intitulé', 'Sécurité aux abords des collèges');
  await dialog.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(dialog).toBeHidden();
  await bruno.waitForTimeout(2_500); // Bruno's browser has learnt of the change, but does not refresh under his open dialog
  await expect(brunoDialog.getByLabel(/^Intitulé/)).toHaveValue('Prévention aux abords des collèges (Agnès)');
  await brunoDialog.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(bruno.getByText(/Agnès Martin a modifié cette fiche action à .*intitulé : « Sécurité aux abords des collèges »/).first()).toBeVisible();
  expect((await pool.query<{ t: string }>("SELECT payload->>'targetPublic' AS t FROM entities WHERE collection = 'actions' AND id = $1", [action.id])).rows[0]!.t).not.toBe('Collégiens et familles');
  await bruno.screenshot({ path: join(ROOT, 'tests', 'artifacts', 'screenshots', 'team-conflict.png') });
  await brunoDialog.getByRole('button', { name: 'Annuler' }).click();
  await expect(bruno.getByRole('heading', { level: 1 })).toContainText('Sécurité aux abords des collèges', { timeout: 10_000 });
  // Having seen it, he edits again and Agnès sees his change.
  dialog = await editSheet(bruno, 'Public cible', 'Collégiens et familles');
  await dialog.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(dialog).toBeHidden();
  await expect(agnes.getByText('Collégiens et familles')).toBeVisible({ timeout: 10_000 });

  await agnes.context().close();
  await bruno.context().close();
});

test('two colleagues on the same meeting: each sees the other’s saved field', async ({ browser }) => {
  test.setTimeout(120_000);
  const meeting = demo.meetings.find((m) => (m.status === 'draft' || m.status === 'convened') && m.confidentiality !== 'confidential')!;
  const agnes = await login(browser, 'agnes@valmont.fr');
  const bruno = await login(browser, 'bruno@valmont.fr');
  // The same meeting: Agnès sets the place, Bruno the title; each sees the other's.
  for (const p of [agnes, bruno]) {
    await p.goto(`/#/reunions/${meeting.id}`);
    await expect(p.getByLabel('Lieu')).toBeVisible({ timeout: 20_000 });
  }
  await agnes.getByLabel('Lieu').fill('Salle du conseil, mairie annexe');
  await agnes.getByLabel('Lieu').press('Tab');
  // Her focus now sits in the next field: her screen waits for her to leave the form before refreshing.
  await agnes.getByRole('heading', { level: 1 }).click();
  await expect(bruno.getByLabel('Lieu')).toHaveValue('Salle du conseil, mairie annexe', { timeout: 10_000 });
  await bruno.getByLabel('Intitulé').fill('Formation restreinte — point collèges');
  await bruno.getByLabel('Intitulé').press('Tab');
  await expect(agnes.getByLabel('Intitulé')).toHaveValue('Formation restreinte — point collèges', { timeout: 10_000 });
  const row = await pool.query<{ place: string; title: string }>("SELECT payload->>'place' AS place, payload->>'title' AS title FROM entities WHERE collection = 'meetings' AND id = $1", [meeting.id]);
  expect(row.rows[0]).toEqual({ place: 'Salle du conseil, mairie annexe', title: 'Formation restreinte — point collèges' });
  await agnes.context().close();
  await bruno.context().close();
});

test('audit log: the coordinator reads it (axe); it is hidden from staff and refused by the server', async ({ browser }) => {
  const claire = await login(browser, 'claire@valmont.fr');
  await claire.getByRole('button', { name: /Connecté : Claire Durand/ }).click({ timeout: 20_000 });
  await claire.getByRole('menuitem', { name: 'Journal des modifications' }).click();
  await expect(claire.getByRole('heading', { level: 1, name: 'Journal des modifications' })).toBeVisible();
  const table = claire.getByRole('table');
  await expect(table).toContainText('Agnès Martin');
  await expect(table).toContainText('Réunion — modification');
  await expectAccessible(claire, 'journal des modifications');
  // The filters themselves are covered by tests/server/web.test.ts (audit:list).
  await expect(table).toContainText('Bruno Petit');
  await expect(claire.getByText('Sécurité aux abords')).toHaveCount(0); // never the content
  await claire.context().close();

  const agnes = await login(browser, 'agnes@valmont.fr');
  await expect(agnes.getByRole('button', { name: /Connecté : Agnès Martin/ })).toBeVisible({ timeout: 20_000 });
  await agnes.goto('/#/equipe/journal');
  await expect(agnes.getByRole('alert')).toContainText('Votre rôle ne permet pas cette opération');
  await agnes.context().close();
});

test('exports and PDFs in the browser: produced by the server, downloaded under their French name', async ({ browser }) => {
  test.setTimeout(120_000);
  const agnes = await login(browser, 'agnes@valmont.fr');
  await expect(agnes.getByRole('button', { name: /Connecté : Agnès Martin/ })).toBeVisible({ timeout: 20_000 });
  await agnes.goto('/#/partage');
  await expect(agnes.getByRole('heading', { name: 'Partage' })).toBeVisible();
  await agnes.getByRole('button', { name: 'Exporter un tableau…' }).first().click();
  const dialog = agnes.getByRole('dialog', { name: 'Exporter' });
  await dialog.getByRole('combobox', { name: 'Tableau' }).click();
  await agnes.getByRole('option', { name: /Partenaires/ }).first().click();
  await dialog.getByText('Tableau simple, pour tout tableur (point-virgule)').click();
  const csvDownload = agnes.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Enregistrer sous…' }).click();
  const csv = await csvDownload;
  expect(csv.suggestedFilename()).toMatch(/\.csv$/);
  await expect(dialog.getByRole('status')).toContainText(`Fichier téléchargé : « ${csv.suggestedFilename()} »`);
  const csvPath = await csv.path();
  expect(readFileSync(csvPath, 'utf8')).toContain(demo.organisations[0]!.name);
  // Fetched once: the server no longer keeps it.
  expect((await pool.query('SELECT 1 FROM downloads WHERE file_name = $1', [csv.suggestedFilename()])).rowCount).toBe(0);
  await dialog.getByRole('button', { name: 'Fermer' }).first().click().catch(() => undefined);

  await agnes.goto('/#/documents');
  await agnes.getByTestId('doc-kind-plan').click();
  await agnes.getByTestId('doc-generate').click();
  await expect(agnes.getByTestId('pdf-page').first()).toBeVisible({ timeout: 60_000 });
  const pdfDownload = agnes.waitForEvent('download');
  await agnes.getByTestId('doc-save').click();
  const pdf = await pdfDownload;
  expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);
  expect(readFileSync(await pdf.path()).subarray(0, 5).toString()).toBe('%PDF-');
  await agnes.context().close();
});

test('an ended session brings the login screen back with a French message', async ({ browser }) => {
  const bruno = await login(browser, 'bruno@valmont.fr');
  await expect(bruno.getByRole('button', { name: /Connecté : Bruno Petit/ })).toBeVisible({ timeout: 20_000 });
  await pool.query("DELETE FROM sessions WHERE user_id = (SELECT id FROM users WHERE email = 'bruno@valmont.fr')");
  await expect(bruno.getByText(/Votre session a expiré ou a été fermée/)).toBeVisible({ timeout: 15_000 });
  await expect(bruno.getByRole('heading', { level: 1, name: 'Connexion à l’espace de l’équipe' })).toBeVisible();
  await bruno.context().close();
});

test('team screens at 640×360 and 320 px (WCAG 1.4.10): login, password change, audit log, account menu in the header', async ({ browser }) => {
  test.setTimeout(180_000);
  for (const size of REFLOW_SIZES) {
    const context = await browser.newContext({ baseURL: base, viewport: { width: size.width, height: size.height } });
    const page = await context.newPage();
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1, name: 'Connexion à l’espace de l’équipe' })).toBeVisible();
    await expectReflows(page, `connexion (${size.name})`);
    await shot(page, `reflow-${size.name}-equipe-connexion`);
    const first = await addUser(pool, { email: `reflow${size.name}@valmont.fr`, displayName: `Rémi Reflow ${size.name}`, role: 'staff' });
    await page.getByLabel(/^Adresse électronique/).fill(`reflow${size.name}@valmont.fr`);
    await page.getByLabel(/^Mot de passe/).fill(first.oneTimePassword!);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Choisissez votre mot de passe' })).toBeVisible();
    await expectReflows(page, `mot de passe provisoire (${size.name})`);
    await shot(page, `reflow-${size.name}-equipe-mot-de-passe`);
    await context.close();

    const claire = await browser.newContext({ baseURL: base, viewport: { width: size.width, height: size.height } });
    const p = await claire.newPage();
    await p.goto('/');
    await p.getByLabel(/^Adresse électronique/).fill('claire@valmont.fr');
    await p.getByLabel(/^Mot de passe/).fill(PASSWORD);
    await p.getByRole('button', { name: 'Se connecter' }).click();
    const account = p.getByRole('button', { name: /Connecté : Claire Durand/ });
    await expect(account).toBeVisible({ timeout: 20_000 });
    await expectHeaderBadgesInside(p, `tableau de bord, équipe (${size.name})`);
    await expectReflows(p, `tableau de bord, équipe (${size.name})`);
    await shot(p, `reflow-${size.name}-equipe-tableau-de-bord`);
    await account.click();
    // The open menu stays inside the window (at 320 px its role line made the page 384 px wide, also while it closed).
    await expect(p.getByRole('menuitem', { name: 'Journal des modifications' })).toBeVisible();
    await expectReflows(p, `menu du compte ouvert (${size.name})`);
    await shot(p, `reflow-${size.name}-equipe-menu-compte`);
    await p.getByRole('menuitem', { name: 'Journal des modifications' }).click();
    await expect(p.getByRole('heading', { level: 1, name: 'Journal des modifications' })).toBeVisible();
    await expect(p.getByRole('table')).toBeVisible();
    await expect(p.getByRole('menu')).toHaveCount(0);
    await expectReflows(p, `journal des modifications (${size.name})`);
    await shot(p, `reflow-${size.name}-equipe-journal`);
    await claire.close();
  }
});

/** The element holding the keyboard focus: its role, accessible name and whether it is marked invalid. */
async function focused(page: Page): Promise<{ tag: string; role: string | null; name: string; invalid: string | null }> {
  return page.evaluate(() => {
    const e = document.activeElement as HTMLElement;
    const label = e.getAttribute('aria-label') ?? ((e as HTMLInputElement).labels?.[0]?.textContent ?? e.textContent ?? '');
    return { tag: e.tagName.toLowerCase(), role: e.getAttribute('role'), name: label.trim(), invalid: e.getAttribute('aria-invalid') };
  });
}

test('team screens by keyboard only at 200 % zoom: login, password change, account menu, audit log', async ({ browser }) => {
  test.setTimeout(120_000);
  const context = await browser.newContext({ baseURL: base, viewport: { width: 640, height: 360 } });
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Connexion à l’espace de l’équipe' })).toBeFocused();
  // An empty form: the focus goes to the first field in error, marked invalid, with its message.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect.poll(() => focused(page)).toMatchObject({ tag: 'input', name: expect.stringMatching(/^Adresse électronique/), invalid: 'true' });
  await expect(page.getByText('Saisissez votre adresse électronique.')).toBeVisible();
  const first = await addUser(pool, { email: 'clavier@valmont.fr', displayName: 'Karim Clavier', role: 'coordinator' });
  await page.keyboard.type('clavier@valmont.fr');
  await page.keyboard.press('Tab');
  await expect.poll(() => focused(page)).toMatchObject({ name: expect.stringMatching(/^Mot de passe/), invalid: 'true' });
  await page.keyboard.type(first.oneTimePassword!);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Choisissez votre mot de passe' })).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.type('court');
  await page.keyboard.press('Enter');
  await expect(page.getByText('Le mot de passe doit compter au moins 12 caractères.')).toBeVisible();
  await expect.poll(() => focused(page)).toMatchObject({ name: expect.stringMatching(/^Nouveau mot de passe/), invalid: 'true' });
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('mon mot de passe au clavier');
  // The show-in-clear button is reachable with Tab and named in French (Mantine's was English and mouse-only).
  await page.keyboard.press('Tab');
  await expect.poll(() => focused(page)).toMatchObject({ tag: 'button', name: 'Voir en clair' });
  await page.keyboard.press('Space');
  await expect(page.getByLabel(/^Nouveau mot de passe/)).toHaveAttribute('type', 'text');
  await page.keyboard.press('Tab');
  await page.keyboard.type('mon mot de passe au clavier');
  await page.keyboard.press('Enter');

  // In: the focus is on the screen's heading; Maj+Tab reaches the account button, whose name says who and which role.
  await expect(page.getByRole('heading', { level: 1, name: 'Tableau de bord' })).toBeFocused({ timeout: 20_000 });
  await page.keyboard.press('Shift+Tab');
  await expect.poll(() => focused(page)).toMatchObject({ tag: 'button', name: 'Connecté : Karim Clavier, coordonnateur ou coordonnatrice — menu du compte' });
  // Opened with Entrée, the menu puts the focus on its first entry (not on an unnamed placeholder); Échap gives it back.
  await page.keyboard.press('Enter');
  await expect.poll(() => focused(page)).toMatchObject({ role: 'menuitem', name: 'Journal des modifications' });
  await page.keyboard.press('Escape');
  await expect(page.getByRole('menu')).toHaveCount(0);
  await expect.poll(() => focused(page)).toMatchObject({ tag: 'button', name: expect.stringMatching(/^Connecté : Karim Clavier/) });
  await page.keyboard.press('Enter');
  await expect.poll(() => focused(page)).toMatchObject({ role: 'menuitem', name: 'Journal des modifications' });
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Journal des modifications' })).toBeFocused();
  await expect(page).toHaveTitle(/^Journal des modifications/);
  // Filters: Tab reaches them in order; a day that does not exist is refused under its field on Entrée, the list stays.
  for (const name of ['Personne', 'Opération', 'Du']) {
    await page.keyboard.press('Tab');
    await expect.poll(() => focused(page)).toMatchObject({ name: expect.stringMatching(new RegExp(`^${name}`)) });
  }
  await page.keyboard.type('31/02/2026');
  await page.keyboard.press('Enter');
  await expect(page.getByText('La date n’est pas valide. Utilisez le format JJ/MM/AAAA.')).toBeVisible();
  await expect.poll(() => focused(page)).toMatchObject({ name: expect.stringMatching(/^Du/), invalid: 'true' });
  await expect(page.getByRole('table')).toBeVisible();
  await shot(page, 'team-keyboard-journal-200');
  await context.close();
});
