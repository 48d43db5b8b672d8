// Browser E2E harness: binds window.api to the real handler table over a temporary data folder.
import { test as base, type Page } from '@playwright/test';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { channelNames } from '../../../src/shared/contract';
import { createInvoker } from '../../../src/main/ipc/handlers';
import { createContext, type Platform, type ServiceContext } from '../../../src/main/services/context';
import { setupDemo } from '../../../src/main/services/app';
import { Store } from '../../../src/main/store/store';
import { watchCsp } from './csp-guard';

export const SCREENSHOT_DIR = join(__dirname, '..', '..', 'artifacts', 'screenshots');

/** Files the app would have written through a save dialog land here during a test. */
export interface Harness {
  dataDir: string;
  ctx: ServiceContext;
  savedFiles: string[];
  /** Next path returned by the "open file" dialog stand-in. */
  nextOpenPath?: string;
  /** CSP violations seen so far; any at the end of a test fails it (the page is served with the app's CSP). */
  cspViolations: string[];
  /** Loads the demo commune before the page opens. */
  seedDemo(): Promise<void>;
  screenshot(page: Page, name: string): Promise<void>;
}

const initScript = (names: string[]) => `
  (() => {
    const api = {};
    for (const name of ${JSON.stringify(names)}) {
      const [domain, verb] = name.split(':');
      (api[domain] = api[domain] || {})[verb] = (input) => window.__clspdInvoke(name, input === undefined ? null : input);
    }
    Object.defineProperty(window, 'api', { value: Object.freeze(api), configurable: false });
  })();
`;

export const test = base.extend<{ harness: Harness }>({
  harness: async ({ page }, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'clspd-e2e-'));
    const store = Store.open(dataDir, { owner: 'test' });
    const savedFiles: string[] = [];
    const csp = await watchCsp(page);
    const exportDir = join(dataDir, 'exports');
    mkdirSync(exportDir, { recursive: true });
    const h: Harness = {
      dataDir,
      ctx: undefined as unknown as ServiceContext,
      savedFiles,
      cspViolations: csp.violations,
      async seedDemo() {
        await setupDemo(h.ctx);
      },
      async screenshot(p, name) {
        mkdirSync(SCREENSHOT_DIR, { recursive: true });
        await p.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
      },
    };
    const platform: Platform = {
      async chooseSavePath(suggestedName) {
        const file = join(exportDir, suggestedName);
        savedFiles.push(file);
        return file;
      },
      async chooseOpenPath() {
        return h.nextOpenPath;
      },
      async openPath() {},
      showItemInFolder() {},
    };
    h.ctx = createContext(store, platform);
    const invoke = createInvoker(h.ctx);
    // The binding serialises undefined as null: map it back so optional inputs validate like over IPC.
    await page.exposeBinding('__clspdInvoke', (_source, channel: string, payload: unknown) => invoke(channel, payload === null ? undefined : payload));
    await page.addInitScript({ content: initScript(channelNames) });
    await use(h);
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
    if (csp.violations.length > 0) throw new Error(`Violation(s) de la CSP :\n${csp.violations.join('\n')}`);
  },
});

export { expect } from '@playwright/test';
