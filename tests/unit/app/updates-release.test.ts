// The opt-in updates, the packaging and the release workflow agree: one stable channel, the update files written by the
// build and attached to the draft release, asset names GitHub keeps as they are (no spaces), the macOS zip built.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const yaml = require('js-yaml') as { load(text: string): unknown };
const root = process.cwd();

interface Builder {
  publish: { provider: string; channel?: string };
  mac: { target: (string | { target: string })[]; artifactName?: string };
  nsis: { artifactName: string };
  dmg: { artifactName: string };
  appImage: { artifactName: string };
  deb: { artifactName: string };
}
interface Workflow {
  jobs: { build: { strategy: { matrix: { include: { os: string; args: string }[] } }; steps: { name?: string; run?: string; with?: { path?: string } }[] } };
}

const builder = yaml.load(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as Builder;
const release = yaml.load(readFileSync(join(root, '.github/workflows/release.yml'), 'utf8')) as Workflow;
const updatesSource = readFileSync(join(root, 'src/main/app/updates.ts'), 'utf8');

describe('updates ↔ electron-builder.yml ↔ release.yml', () => {
  it('publishes to the project’s GitHub releases on the stable channel the app reads (no pre-releases)', () => {
    expect(builder.publish).toMatchObject({ provider: 'github', channel: 'latest' });
    expect(updatesSource).toContain("channel: 'latest'");
    expect(updatesSource).toContain('u.allowPrerelease = false');
    expect(updatesSource).toContain('u.autoInstallOnAppQuit = false');
  });

  it('every installer and update archive has a name without spaces (GitHub would rename the asset, latest.yml would then point nowhere)', () => {
    for (const name of [builder.nsis.artifactName, builder.dmg.artifactName, builder.appImage.artifactName, builder.deb.artifactName, builder.mac.artifactName ?? '']) {
      expect(name).toMatch(/^[^ ]+\$\{ext\}$/);
    }
  });

  it('the release builds the macOS zip and attaches latest*.yml, the block maps and the zips to the draft', () => {
    const mac = release.jobs.build.strategy.matrix.include.find((m) => m.os.startsWith('macos'));
    expect(mac?.args).toMatch(/\bzip\b/);
    const upload = release.jobs.build.steps.find((s) => s.with?.path)?.with?.path ?? '';
    for (const pattern of ['dist/latest*.yml', 'dist/*.blockmap', 'dist/*.zip', 'dist/*.exe', 'dist/*.dmg', 'dist/*.AppImage', 'dist/*.deb']) expect(upload).toContain(pattern);
    const build = release.jobs.build.steps.find((s) => s.run?.includes('electron-builder'));
    // electron-builder uploads nothing itself: the draft job attaches the files, a maintainer publishes the draft.
    expect(build?.run).toContain('--publish never');
  });
});
