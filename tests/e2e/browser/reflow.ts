// Reflow checks shared by the browser E2E (WCAG 1.4.10): nothing sticks out of the viewport or is cut, header badges whole, dialogs inside the screen, a viewport screenshot.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect } from '@playwright/test';

export const REFLOW_SHOTS = join(__dirname, '..', '..', 'artifacts', 'screenshots');

/** The two sizes of WCAG 1.4.10: a 1280×720 screen at 200 % zoom, and a 320 CSS px wide window. */
export const REFLOW_SIZES = [
  { name: '200', width: 640, height: 360 },
  { name: '320', width: 320, height: 640 },
] as const;

/**
 * Visible elements sticking out of the viewport sideways (the page would scroll, or the frame cuts them), deepest first.
 * Elements inside a region that scrolls by itself (a wide table's) are that region's business, not the page's.
 */
export async function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const out: string[] = [];
    const scrollsItself = (el: HTMLElement): boolean => {
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        const o = getComputedStyle(p).overflowX;
        if (o === 'auto' || o === 'scroll') return true;
      }
      return false;
    };
    const shown = (el: HTMLElement): boolean => {
      const s = getComputedStyle(el);
      return s.visibility !== 'hidden' && s.display !== 'none' && el.closest('.clspd-visually-hidden, .clspd-skip-link, [aria-hidden="true"]') === null;
    };
    const sticksOut = (el: Element) => {
      const r = el.getBoundingClientRect();
      return r.width > 1 && r.height > 1 && (r.right > width + 1 || r.left < -1);
    };
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('body *'))) {
      if (!sticksOut(el) || !shown(el) || scrollsItself(el)) continue;
      if (Array.from(el.children).some(sticksOut)) continue;
      const r = el.getBoundingClientRect();
      const name = `${el.tagName.toLowerCase()}${typeof el.className === 'string' && el.className ? `.${el.className.split(' ')[0]}` : ''}`;
      out.push(`${name} « ${(el.textContent ?? '').trim().slice(0, 40)} » left=${Math.round(r.left)} right=${Math.round(r.right)}`);
      if (out.length >= 6) break;
    }
    return out;
  });
}

/** Texts the layout cuts: a badge or a heading whose text is wider than its box (ellipsis or clipping). */
export async function cutTexts(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLElement>('.mantine-Badge-label, h1, h2, .mantine-Button-label, .mantine-Tabs-tabLabel'))
      .filter((el) => {
        const s = getComputedStyle(el);
        // An inline box has no client width of its own: its block parent is measured instead.
        return el.getClientRects().length > 0 && s.visibility !== 'hidden' && s.display !== 'inline' && el.scrollWidth > el.clientWidth + 1;
      })
      .map((el) => `« ${(el.textContent ?? '').trim().slice(0, 40)} » ${el.scrollWidth} px of text in ${el.clientWidth}`),
  );
}

/** The page never scrolls sideways, nothing sticks out of the viewport, no badge/heading/button label is cut. */
export async function expectReflows(page: Page, where: string): Promise<void> {
  const { scroll, width } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: document.documentElement.clientWidth }));
  expect.soft(scroll, `${where}: the page is ${scroll} px wide for ${width}`).toBeLessThanOrEqual(width + 1);
  expect.soft(await overflowing(page), `${where}: elements outside the viewport`).toEqual([]);
  expect.soft(await cutTexts(page), `${where}: texts cut`).toEqual([]);
}

/** Every header badge (« DÉMONSTRATION », « ENREGISTRÉ », team status) entirely inside the viewport. */
export async function expectHeaderBadgesInside(page: Page, where: string): Promise<void> {
  const boxes = await page.locator('header .mantine-Badge-root').evaluateAll((els) =>
    els.map((el) => {
      const r = el.getBoundingClientRect();
      return { text: (el.textContent ?? '').trim(), left: Math.round(r.left), right: Math.round(r.right), top: Math.round(r.top), bottom: Math.round(r.bottom) };
    }),
  );
  const vw = page.viewportSize()!.width;
  const header = (await page.locator('header').boundingBox())!;
  const outside = boxes.filter((b) => b.left < 0 || b.right > vw || b.top < header.y || b.bottom > header.y + header.height + 1);
  expect.soft(outside, `${where}: header badges outside the header`).toEqual([]);
  // The header's parts (menu button, badges, search, save state) all inside it, none pushed below its edge.
  const parts = await page.locator('header .clspd-header > *').evaluateAll((els) => els.map((el) => ({ text: (el.textContent ?? '').trim().slice(0, 30), bottom: Math.round(el.getBoundingClientRect().bottom) })));
  expect.soft(parts.filter((p) => p.bottom > header.y + header.height + 1), `${where}: header parts below the header`).toEqual([]);
}

/** The topmost dialog fits the viewport's width (its content may scroll down, never sideways). */
export async function expectDialogFits(page: Page, where: string): Promise<void> {
  const dialog = page.getByRole('dialog').last();
  await expect(dialog).toBeVisible();
  const box = (await dialog.boundingBox())!;
  const vw = page.viewportSize()!.width;
  expect.soft(box.x, `${where}: dialog's left edge`).toBeGreaterThanOrEqual(0);
  expect.soft(box.x + box.width, `${where}: dialog's right edge`).toBeLessThanOrEqual(vw + 1);
  await expectReflows(page, where);
}

/** What the reader sees at that size (the viewport, not the whole page). */
export async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(REFLOW_SHOTS, { recursive: true });
  await page.screenshot({ path: join(REFLOW_SHOTS, `${name}.png`) });
}
