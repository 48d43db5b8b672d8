// Records every Content-Security-Policy violation of a page (DOM `securitypolicyviolation` events and CSP console errors).
import type { Page } from '@playwright/test';

export interface CspGuard {
  /** Violations seen so far, each as « directive → blocked resource » or the console text. */
  readonly violations: string[];
}

const reportScript = `
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__clspdCspViolation(e.violatedDirective + ' -> ' + (e.blockedURI || 'inline') + ' (' + e.sourceFile + ':' + e.lineNumber + ')');
  });
`;

/** Starts watching `page` (call before the first navigation). */
export async function watchCsp(page: Page): Promise<CspGuard> {
  const guard: CspGuard = { violations: [] };
  await page.exposeBinding('__clspdCspViolation', (_source, text: string) => {
    guard.violations.push(String(text));
  });
  await page.addInitScript({ content: reportScript });
  page.on('console', (msg) => {
    if (msg.type() === 'error' && /content[ -]security[ -]policy/i.test(msg.text())) guard.violations.push(`console: ${msg.text()}`);
  });
  return guard;
}
