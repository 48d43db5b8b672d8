// The renderer runs under the app's exact CSP (served by vite.preview.config.ts from src/main/app/csp.ts): every screen, zero violations.
import { CONTENT_SECURITY_POLICY } from '../../../src/main/app/csp';
import { expect, test } from './harness';

test('the page is served with the app’s Content-Security-Policy header', async ({ page }) => {
  const response = await page.goto('/');
  expect(response?.headers()['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
  expect(response?.headers()['x-content-type-options']).toBe('nosniff');
});

test('the guard catches a violation (an inline script is blocked and reported)', async ({ page, harness }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Bienvenue dans Coordination CLSPD' })).toBeVisible();
  const ran = await page.evaluate(() => {
    const w = window as unknown as { __inlineRan?: boolean };
    const s = document.createElement('script');
    s.textContent = 'window.__inlineRan = true';
    document.body.appendChild(s);
    return w.__inlineRan === true;
  });
  expect(ran).toBe(false);
  await expect.poll(() => harness.cspViolations.length).toBeGreaterThan(0);
  expect(harness.cspViolations.join('\n')).toContain('script-src');
  harness.cspViolations.length = 0; // expected here: do not fail the fixture
});

test('every screen of the demo renders without a single CSP violation', async ({ page, harness }) => {
  await harness.seedDemo();
  const d = harness.ctx.store.data;
  const meeting = d.meetings[0];
  const screens = [
    '/',
    '/plan',
    `/plan/actions/${d.actions[0].id}`,
    `/plan/axes/${d.axes[0].id}`,
    '/reunions',
    '/reunions/decisions',
    `/reunions/${meeting.id}`,
    `/reunions/${meeting.id}/seance`,
    '/instances',
    `/instances/${d.instances[0].id}`,
    '/partenaires',
    `/partenaires/${d.organisations[0].id}`,
    '/documents',
    '/partage',
    '/partage/importer',
    '/parametres',
  ];
  await page.goto('/');
  await expect(page.getByRole('navigation', { name: 'Sections' })).toBeVisible();
  for (const path of screens) {
    await page.goto(`/#${path}`);
    await expect(page.locator('main')).toContainText(/\p{L}{3}/u);
    await page.waitForLoadState('networkidle');
    expect(harness.cspViolations, `écran ${path}`).toEqual([]);
  }
});
