// Browser E2E of reflow (WCAG 1.4.10): every main screen at 1280×720 zoomed to 200 % (640×360 CSS px) and at 320 CSS px wide — menu button instead of the sidebar, no sideways scrolling of the page, the plan table's header and rows in one scroll region, the séance header keeps « Terminer la séance »; a screenshot of each screen at both sizes (reflow-200-*, reflow-320-*).
import type { Page } from '@playwright/test';
import { links } from '../../../src/renderer/src/app/registry';
import { fr } from '../../../src/shared/i18n';
import { join } from 'node:path';
import { expect, SCREENSHOT_DIR, test, type Harness } from './harness';

/** What sticks out of the viewport, deepest elements first, to name the culprit when the page scrolls sideways. */
async function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = window.innerWidth;
    const out: string[] = [];
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('#contenu *, header *'))) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.right <= width + 1) continue;
      // Inside an element that scrolls by itself (a wide table's region): not the page's business.
      let p = el.parentElement;
      let scrolled = false;
      while (p && p !== document.body) {
        const o = getComputedStyle(p).overflowX;
        if (o === 'auto' || o === 'scroll' || o === 'hidden') scrolled = true;
        p = p.parentElement;
      }
      if (scrolled) continue;
      if (Array.from(el.children).some((c) => c.getBoundingClientRect().right > width + 1)) continue;
      out.push(`${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ')[0]}` : ''} « ${(el.textContent ?? '').trim().slice(0, 40)} » right=${Math.round(r.right)}`);
      if (out.length >= 6) break;
    }
    return out;
  });
}

/** What the reader sees at that size (the viewport, not the whole page). */
async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`) });
}

/** No sideways scrolling of the page itself (a wide table may scroll inside its own region). */
async function expectNoPageScroll(page: Page, where: string): Promise<void> {
  const { scroll, width } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: window.innerWidth }));
  expect.soft(scroll <= width + 1 ? [] : await overflowing(page), `${where}: the page is ${scroll} px wide for ${width}`).toEqual([]);
}

function mainScreens(h: Harness): [string, string][] {
  const d = h.ctx.store.data;
  const activeAxes = d.axes.filter((a) => a.periodId === d.settings.activePeriodId).sort((a, b) => a.order - b.order);
  const action = d.actions.find((a) => a.status === 'in_progress' && a.indicators.length > 0) ?? d.actions[0];
  const meeting = d.meetings.find((m) => m.status === 'draft' || m.status === 'convened') ?? d.meetings[0];
  return [
    ['tableau-de-bord', links.dashboard()],
    ['plan', links.plan()],
    ['fiche-action', links.action(action.id)],
    ['suivi-axe', links.axis(activeAxes[0].id)],
    ['reunions', links.meetings()],
    ['reunion', links.meeting(meeting.id)],
    ['decisions', links.decisions()],
    ['instances', links.instances()],
    ['instance', links.instance(d.instances[0].id)],
    ['partenaires', links.partners()],
    ['partenaire', links.partner(d.organisations[0].id)],
    ['documents', links.documents()],
    ['partage', links.sharing()],
    ['import', '/partage/importer'],
    ['parametres', links.settings()],
  ];
}

async function visitEveryScreen(page: Page, harness: Harness, size: string): Promise<void> {
  for (const [name, path] of mainScreens(harness)) {
    await page.goto(`/#${path}`);
    await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
    await page.waitForTimeout(300);
    await expect(page.getByRole('button', { name: fr.a11y.openMenu })).toBeVisible();
    await expectNoPageScroll(page, `${name} (${size})`);
    await shot(page, `reflow-${size}-${name}`);
  }
}

test('200 % zoom (640×360): the sidebar folds into a menu button, no screen scrolls sideways, the plan table scrolls as one', async ({ page, harness }) => {
  test.setTimeout(400_000);
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
  await shot(page, 'reflow-200-plan-tableau');

  await visitEveryScreen(page, harness, '200');
});

test('320 CSS px wide: every main screen reads without sideways scrolling', async ({ page, harness }) => {
  test.setTimeout(400_000);
  await harness.seedDemo();
  await page.setViewportSize({ width: 320, height: 640 });
  await visitEveryScreen(page, harness, '320');
});

test('the séance header wraps and never cuts « Terminer la séance » (640 and 320 CSS px)', async ({ page, harness }) => {
  test.setTimeout(120_000);
  await harness.seedDemo();
  await page.setViewportSize({ width: 640, height: 360 });
  const meeting = harness.ctx.store.data.meetings.find((m) => m.status === 'draft' || m.status === 'convened')!;
  await page.goto(`/#${links.meeting(meeting.id)}`);
  await page.getByRole('button', { name: 'Démarrer la séance' }).first().click();
  for (const width of [640, 320]) {
    await page.setViewportSize({ width, height: width === 640 ? 360 : 640 });
    const end = page.getByRole('button', { name: /Terminer la séance/ });
    await expect(end).toBeVisible();
    const box = (await end.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(width);
    await expectNoPageScroll(page, `séance (${width})`);
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, `reflow-${width === 640 ? '200' : '320'}-seance`);
  }
});
