// settings:chooseLogo: the logo is chosen through the main-process dialog, checked, saved; refused without a dialog.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createInvoker } from '../../src/main/ipc/handlers';
import { setupDemo } from '../../src/main/services/app';
import { createContext, type Platform } from '../../src/main/services/context';
import { Store } from '../../src/main/store/store';

let dir = '';
let store: Store | undefined;
afterEach(async () => {
  await store?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function setup(platform: Platform) {
  dir = mkdtempSync(join(tmpdir(), 'clspd-logo-'));
  store = Store.open(dir, { owner: 'test' });
  const ctx = createContext(store, platform);
  await setupDemo(ctx);
  return { ctx, invoke: createInvoker(ctx, undefined, () => {}) };
}

describe('settings:chooseLogo', () => {
  it('saves the chosen PNG, keeps the setting on cancel, refuses another kind of file', async () => {
    let next: string | undefined = '/srv/mairie/logo-ville.png';
    const { invoke } = await setup({ chooseOpenPath: async () => next });
    const r = await invoke('settings:chooseLogo', undefined);
    expect(r.ok).toBe(true);
    expect(store!.data.settings.logoPath).toBe('/srv/mairie/logo-ville.png');
    next = undefined;
    expect((await invoke('settings:chooseLogo', undefined)).ok).toBe(true);
    expect(store!.data.settings.logoPath).toBe('/srv/mairie/logo-ville.png');
    next = '/srv/mairie/logo.gif';
    const bad = await invoke('settings:chooseLogo', undefined);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.code).toBe('invalid_input');
    expect(store!.data.settings.logoPath).toBe('/srv/mairie/logo-ville.png');
  });

  it('says in French that it needs the desktop application when there is no dialog', async () => {
    const { invoke } = await setup({});
    const r = await invoke('settings:chooseLogo', undefined);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('forbidden');
      expect(r.error.message).toMatch(/application de bureau/);
    }
  });
});
