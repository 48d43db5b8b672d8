// Browser E2E of reflow (WCAG 1.4.10): every screen at 1280×720 zoomed to 200 % (640×360 CSS px) and at 320 CSS px wide — menu button instead of the sidebar, nothing sticking out or cut, header badges whole, wide tables in their own scroll region, dialogs inside the screen; a screenshot of each (reflow-200-*, reflow-320-*).
import type { Page } from '@playwright/test';
import { closePeriod } from '../../../src/main/services/strategy/periods';
import { Vault } from '../../../src/main/vault/vault';
import { links } from '../../../src/renderer/src/app/registry';
import { fr } from '../../../src/shared/i18n';
import { join } from 'node:path';
import { expect, test, type Harness } from './harness';
import { expectDialogFits, expectHeaderBadgesInside, expectReflows, REFLOW_SIZES, shot } from './reflow';

/** The demo as the app sets it up: the coffre created with the demo passphrase, the register inside. */
async function demoWithVault(harness: Harness): Promise<Vault> {
  const vault = new Vault(harness.dataDir);
  harness.ctx.vault = vault;
  await harness.seedDemo();
  return vault;
}

function everyScreen(h: Harness, vault: Vault): [string, string][] {
  const d = h.ctx.store.data;
  const activeAxes = d.axes.filter((a) => a.periodId === d.settings.activePeriodId).sort((a, b) => a.order - b.order);
  const action = d.actions.find((a) => a.status === 'in_progress' && a.indicators.length > 0) ?? d.actions[0];
  const meeting = d.meetings.find((m) => m.status === 'draft' || m.status === 'convened') ?? d.meetings[0];
  const held = d.meetings.find((m) => m.status === 'held' || m.status === 'validated') ?? d.meetings[0];
  const situation = vault.read().situations.find((s) => s.status === 'open' || s.status === 'in_follow_up')!;
  return [
    ['tableau-de-bord', links.dashboard()],
    ['plan', links.plan()],
    ['fiche-action', links.action(action.id)],
    ['suivi-axe', links.axis(activeAxes[0].id)],
    ['reunions', links.meetings()],
    ['reunion', links.meeting(meeting.id)],
    ['reunion-invitations', `${links.meeting(meeting.id)}?etape=invitations`],
    ['reunion-tenue', links.meeting(held.id)],
    ['decisions', links.decisions()],
    ['instances', links.instances()],
    ['instance', links.instance(d.instances[0].id)],
    ['partenaires', links.partners()],
    ['partenaire', links.partner(d.organisations[0].id)],
    ['documents', links.documents()],
    ['partage', links.sharing()],
    ['import', '/partage/importer'],
    ['registre', links.register()],
    ['situation', links.situation(situation.id)],
    ['journal-dpo', '/registre/journal'],
    ['parametres', links.settings()],
  ];
}

async function open(page: Page, path: string): Promise<void> {
  await page.goto(`/#${path}`);
  await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
  await expect(page.locator('main .mantine-Loader')).toHaveCount(0);
  await page.waitForTimeout(300);
}

/** One screen at the current size: menu button, no overflow, header whole, a screenshot of the top and (long pages) of a lower part. */
async function checkScreen(page: Page, name: string, size: string): Promise<void> {
  await expect(page.getByRole('button', { name: fr.a11y.openMenu })).toBeVisible();
  await expectHeaderBadgesInside(page, `${name} (${size})`);
  await expectReflows(page, `${name} (${size})`);
  await shot(page, `reflow-${size}-${name}`);
}

for (const size of REFLOW_SIZES) {
  test(`${size.name === '200' ? '200 % zoom (640×360)' : '320 CSS px'}: every screen reads without sideways scrolling, nothing cut, header badges whole`, async ({ page, harness }) => {
    test.setTimeout(600_000);
    const vault = await demoWithVault(harness);
    await page.setViewportSize(size);
    for (const [name, path] of everyScreen(harness, vault)) {
      await open(page, path);
      await checkScreen(page, name, size.name);
    }
    // Paramètres is long: « Données de l'équipe » further down.
    await open(page, links.settings());
    await page.getByRole('heading', { name: fr.team.desktop.sectionTitle }).scrollIntoViewIfNeeded();
    await expectReflows(page, `paramètres — équipe (${size.name})`);
    await shot(page, `reflow-${size.name}-parametres-equipe`);
  });
}

test('200 % zoom (640×360): the sidebar folds into a menu button, the plan table scrolls as one', async ({ page, harness }) => {
  test.setTimeout(200_000);
  await harness.seedDemo();
  await page.setViewportSize({ width: 640, height: 360 });
  await page.goto('/');
  const menu = page.getByRole('button', { name: fr.a11y.openMenu });
  await expect(menu).toBeVisible();
  await expect(page.getByRole('navigation', { name: fr.frame.sectionsNav })).toBeHidden();
  await menu.click();
  await expect(page.getByRole('navigation', { name: fr.frame.sectionsNav })).toBeVisible();
  await shot(page, 'reflow-200-menu');
  await page.getByRole('link', { name: fr.nav.plan }).click();
  await expect(page.getByRole('navigation', { name: fr.frame.sectionsNav })).toBeHidden();
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();

  // Header and rows share one scroll region: scrolling it sideways moves both by the same amount.
  await page.getByRole('radio', { name: fr.strategy.ui.tableView }).dispatchEvent('click');
  const table = page.getByTestId('plan-table-body');
  await expect(table).toBeVisible();
  const offsets = await table.evaluate((el) => {
    const headerX = () => el.querySelector('[role="columnheader"]')!.getBoundingClientRect().x;
    const cellX = () => el.querySelectorAll('[role="row"]')[1].firstElementChild!.getBoundingClientRect().x;
    const [header, cell] = [headerX(), cellX()];
    el.scrollLeft = 200;
    return { header: headerX() - header, cell: cellX() - cell, widths: [el.querySelector('[role="row"]')!.scrollWidth, el.querySelectorAll('[role="row"]')[1].scrollWidth] };
  });
  expect(offsets.header).toBe(offsets.cell);
  expect(offsets.header).toBeLessThan(0);
  expect(offsets.widths[0]).toBe(offsets.widths[1]);
  await table.evaluate((el) => (el.scrollLeft = 0));
  await expectReflows(page, 'plan — tableau (200)');
  await shot(page, 'reflow-200-plan-tableau');
});

test('dialogs, the palette and the shortcuts help fit at 640×360 and 320 px', async ({ page, harness }) => {
  test.setTimeout(300_000);
  const vault = await demoWithVault(harness);
  const d = harness.ctx.store.data;
  const action = d.actions.find((a) => a.status === 'in_progress') ?? d.actions[0];
  const situation = vault.read().situations.find((s) => s.status === 'open' || s.status === 'in_follow_up')!;
  const dialogs: [string, string, (p: Page) => Promise<void>][] = [
    ['palette', '/', (p) => p.keyboard.press('Control+k')],
    ['raccourcis', '/', (p) => p.keyboard.press('?')],
    ['ajouter-action', '/plan', (p) => p.getByRole('button', { name: 'Ajouter une action' }).first().click()],
    ['mettre-a-jour', links.action(action.id), (p) => p.getByRole('button', { name: 'Mettre à jour' }).first().click()],
    ['modifier-fiche', links.action(action.id), (p) => p.getByRole('button', { name: 'Modifier' }).first().click()],
    ['nouvelle-reunion', '/reunions', (p) => p.getByRole('button', { name: 'Nouvelle réunion' }).first().click()],
    ['nouvelle-situation', '/registre', (p) => p.getByRole('button', { name: 'Nouvelle situation' }).first().click()],
    ['clore-situation', links.situation(situation.id), (p) => p.getByRole('button', { name: 'Clore la situation' }).click()],
    ['ajouter-partenaire', '/partenaires', (p) => p.getByRole('button', { name: 'Ajouter un partenaire' }).first().click()],
    ['exporter', '/partage', (p) => p.getByRole('button', { name: /Exporter/ }).first().click()],
  ];
  for (const size of REFLOW_SIZES) {
    await page.setViewportSize(size);
    for (const [name, path, openIt] of dialogs) {
      await open(page, path);
      await openIt(page);
      await expectDialogFits(page, `${name} (${size.name})`);
      await shot(page, `reflow-${size.name}-dialogue-${name}`);
      for (let i = 0; i < 3 && (await page.getByRole('dialog').count()) > 0; i++) {
        await page.keyboard.press('Escape');
        await page.waitForTimeout(300);
      }
      await expect(page.getByRole('dialog')).toHaveCount(0);
    }
  }
});

test('before the app and behind the coffre: first run, coffre unlock and recovery, first-use gate, archived meetings', async ({ page, harness }) => {
  test.setTimeout(300_000);
  for (const size of REFLOW_SIZES) {
    await page.setViewportSize(size);
    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'Bienvenue dans Coordination CLSPD' })).toBeVisible();
    await expectReflows(page, `premier lancement (${size.name})`);
    await shot(page, `reflow-${size.name}-premier-lancement`);
    await page.getByRole('button', { name: 'Créer le CLSPD de ma commune' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectReflows(page, `création du conseil (${size.name})`);
    await shot(page, `reflow-${size.name}-creation-conseil`);
  }

  const vault = await demoWithVault(harness);
  vault.lock();
  for (const size of REFLOW_SIZES) {
    await page.setViewportSize(size);
    await page.goto('/#/registre');
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Le registre protégé est verrouillé' })).toBeVisible();
    await checkScreen(page, 'coffre-deverrouillage', size.name);
    await page.getByRole('button', { name: 'J’ai perdu ma phrase de passe' }).click();
    await expectReflows(page, `clé de secours (${size.name})`);
    await shot(page, `reflow-${size.name}-coffre-cle-de-secours`);
  }

  const data = harness.ctx.store.data;
  await closePeriod(harness.ctx, data.settings.activePeriodId!);
  for (const size of REFLOW_SIZES) {
    await page.setViewportSize(size);
    await open(page, '/reunions');
    await page.getByText('Réunions archivées', { exact: true }).click();
    const table = page.getByRole('table', { name: 'Réunions archivées' });
    await expect(table).toBeVisible();
    await checkScreen(page, 'reunions-archivees', size.name);
    await table.getByRole('link').first().click();
    await expect(page.getByText(/elle est archivée et ne peut plus être modifiée/)).toBeVisible();
    await checkScreen(page, 'reunion-archivee', size.name);
  }

  // First use: the gate that creates the coffre.
  harness.ctx.vault = new Vault(join(harness.dataDir, 'autre-dossier'));
  for (const size of REFLOW_SIZES) {
    await page.setViewportSize(size);
    await page.goto('/');
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectReflows(page, `coffre — première utilisation (${size.name})`);
    await shot(page, `reflow-${size.name}-coffre-premiere-utilisation`);
  }
});

test('the séance header wraps and never cuts « Terminer la séance » (640 and 320 CSS px)', async ({ page, harness }) => {
  test.setTimeout(120_000);
  await harness.seedDemo();
  await page.setViewportSize({ width: 640, height: 360 });
  const meeting = harness.ctx.store.data.meetings.find((m) => m.status === 'draft' || m.status === 'convened')!;
  await page.goto(`/#${links.meeting(meeting.id)}`);
  await page.getByRole('button', { name: 'Démarrer la séance' }).first().click();
  for (const size of REFLOW_SIZES) {
    await page.setViewportSize(size);
    const end = page.getByRole('button', { name: /Terminer la séance/ });
    await expect(end).toBeVisible();
    const box = (await end.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(size.width);
    await page.evaluate(() => window.scrollTo(0, 0));
    await expectReflows(page, `séance (${size.name})`);
    await shot(page, `reflow-${size.name}-seance`);
  }
});
