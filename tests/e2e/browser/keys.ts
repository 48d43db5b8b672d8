// Keyboard-only driver for the browser E2E: presses keys, counts them, and tabs to a control by its accessible name.
import type { Page } from '@playwright/test';

/** Name of the focused element as a keyboard user meets it: aria-label, labelled-by, label, or its text. */
async function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return '';
    const byIds = (ids: string | null) =>
      (ids ?? '')
        .split(/\s+/)
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' ');
    const label = el.getAttribute('aria-label') ?? (el.getAttribute('aria-labelledby') ? byIds(el.getAttribute('aria-labelledby')) : null);
    const own = (el as HTMLInputElement).labels?.[0]?.textContent ?? null;
    return (label ?? own ?? el.textContent ?? '').replace(/\s+/g, ' ').trim();
  });
}

/** Counts what a keyboard user does: key presses (a chord such as Ctrl+K is one) and characters typed. */
export class Keys {
  presses = 0;
  typed = 0;
  constructor(private readonly page: Page) {}

  async press(key: string, times = 1): Promise<void> {
    for (let i = 0; i < times; i++) {
      await this.page.keyboard.press(key);
      this.presses++;
    }
  }

  async type(text: string): Promise<void> {
    await this.page.keyboard.type(text, { delay: 10 });
    this.typed += text.length;
  }

  /** Presses Tab (or Shift+Tab) until the focused control's name matches; fails after `max` presses. */
  async tabTo(name: RegExp, { back = false, max = 120 } = {}): Promise<void> {
    if (name.test(await focusedName(this.page))) return;
    for (let i = 0; i < max; i++) {
      await this.press(back ? 'Shift+Tab' : 'Tab');
      if (name.test(await focusedName(this.page))) return;
    }
    throw new Error(`No control named ${String(name)} reached with ${max} × Tab (last: « ${await focusedName(this.page)} »)`);
  }

  get total(): number {
    return this.presses + this.typed;
  }
}
