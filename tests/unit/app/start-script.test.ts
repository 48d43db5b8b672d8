// scripts/start.mjs (`npm start`): rebuilds only when an output is missing or older than the sources or build configuration.
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

type StartModule = { needsBuild(dir: string): boolean; OUTPUTS: string[] };
const load = async () => (await import(pathToFileURL(resolve('scripts/start.mjs')).href)) as StartModule;

let dir: string;
const touch = (rel: string, seconds: number) => {
  const file = join(dir, rel);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, 'x');
  const t = new Date(Date.UTC(2026, 0, 1) + seconds * 1000);
  utimesSync(file, t, t);
};

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'clspd-start-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('npm start freshness check', () => {
  it('builds when an output is missing', async () => {
    const { needsBuild } = await load();
    touch('src/main/index.ts', 0);
    touch('out/main/index.js', 10);
    expect(needsBuild(dir)).toBe(true);
  });

  it('does not build when every output is newer than every source', async () => {
    const { needsBuild, OUTPUTS } = await load();
    touch('src/main/index.ts', 0);
    touch('src/renderer/src/main.tsx', 1);
    touch('package.json', 0);
    for (const o of OUTPUTS) touch(o, 10);
    // Folders' own mtimes count too: age them like their files.
    for (const d of ['src', 'src/main', 'src/renderer', 'src/renderer/src']) utimesSync(join(dir, d), new Date(Date.UTC(2026, 0, 1)), new Date(Date.UTC(2026, 0, 1)));
    expect(needsBuild(dir)).toBe(false);
  });

  it('builds when a source or the build configuration changed after the last build', async () => {
    const { needsBuild, OUTPUTS } = await load();
    for (const o of OUTPUTS) touch(o, 10);
    touch('src/shared/i18n/shell.ts', 20);
    expect(needsBuild(dir)).toBe(true);
    rmSync(join(dir, 'src'), { recursive: true });
    touch('electron.vite.config.ts', 30);
    expect(needsBuild(dir)).toBe(true);
  });
});
