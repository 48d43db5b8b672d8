// electron-updater loaded the way the packaged app loads it (a dynamic import from CommonJS, Node's interop): its lazy
// autoUpdater getter and CancellationToken are found. The getter itself is never called (it would build the platform's updater).
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({}));

import { loadElectronUpdater } from '../../../src/main/app/updates-app';

const require = createRequire(import.meta.url);

describe('loadElectronUpdater', () => {
  it('premise, on this Node: a dynamic import of electron-updater has no named autoUpdater, only default.autoUpdater', () => {
    const script = "import('electron-updater').then((ns) => console.log(JSON.stringify(['autoUpdater' in ns, typeof Object.getOwnPropertyDescriptor(ns.default, 'autoUpdater')?.get, typeof ns.CancellationToken])))";
    expect(JSON.parse(execFileSync(process.execPath, ['-e', script], { cwd: process.cwd(), encoding: 'utf8' }))).toEqual([false, 'function', 'function']);
  });

  it('finds autoUpdater and CancellationToken in Node’s namespace shape (default = module.exports) and in a named one', async () => {
    const exportsObject = require('electron-updater') as Record<string, unknown>;
    const nodeShape = { default: exportsObject, CancellationToken: exportsObject.CancellationToken };
    const fromNode = await loadElectronUpdater(async () => nodeShape);
    expect(fromNode).toBe(exportsObject);
    expect(typeof Object.getOwnPropertyDescriptor(fromNode, 'autoUpdater')?.get).toBe('function');
    const token = new fromNode.CancellationToken();
    token.cancel();
    expect(token.cancelled).toBe(true);
    const named = { autoUpdater: {}, CancellationToken: exportsObject.CancellationToken };
    expect(await loadElectronUpdater(async () => named)).toBe(named);
  });
});
