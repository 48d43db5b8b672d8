// electron-builder.yml: every packaging field the project requires, and validation by electron-builder's own schema.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const yaml = require('js-yaml') as { load(text: string): unknown };
const builderConfig = require('app-builder-lib/out/util/config/config') as {
  validateConfiguration(config: unknown, debugLogger: { isEnabled: boolean; add(k: string, v: unknown): void }): Promise<void>;
};
const nsisLang = require('app-builder-lib/out/targets/nsis/nsisLang') as { LangConfigurator: new (options: unknown) => { langs: string[] } };

type Target = string | { target: string; arch?: string[] };
interface Config {
  appId: string;
  productName: string;
  asar: boolean;
  files: string[];
  extraResources: { from: string; to: string; filter?: string[] }[];
  directories: { output: string; buildResources?: string };
  electronFuses: Record<string, boolean>;
  win: { target: Target[] };
  nsis: Record<string, unknown>;
  linux: { target: Target[]; category: string; maintainer?: string };
  mac: { target: Target[] };
  extraMetadata?: { homepage?: string };
  icon?: string;
}

const root = process.cwd();
const config = yaml.load(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as Config;
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { main: string; author?: unknown; homepage?: string };
const names = (targets: Target[]) => targets.map((t) => (typeof t === 'string' ? t : t.target));

describe('electron-builder.yml', () => {
  it('is accepted by electron-builder 26’s own schema validation', async () => {
    await expect(builderConfig.validateConfiguration(config, { isEnabled: false, add: () => undefined })).resolves.toBeUndefined();
  });

  it('the validation would catch a misspelt field (the check is real)', async () => {
    await expect(builderConfig.validateConfiguration({ ...config, electronFuses: { runAsnode: false } }, { isEnabled: false, add: () => undefined })).rejects.toThrow();
  });

  it('names the app and gives it an icon that exists (512×512 PNG, converted per platform)', () => {
    expect(config.appId).toBe('fr.clspd.coordination');
    expect(config.productName).toBe('Coordination CLSPD');
    expect(config.icon).toBeDefined();
    const png = readFileSync(join(root, config.icon!));
    expect(existsSync(join(root, config.icon!))).toBe(true);
    expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(512);
    expect(png.readUInt32BE(20)).toBeGreaterThanOrEqual(512);
  });

  it('packs into an asar an allow-list of the build output only', () => {
    expect(config.asar).toBe(true);
    expect(config.files).toContain('out/**/*');
    expect(config.files).toContain('package.json');
    const included = config.files.filter((f) => !f.startsWith('!'));
    expect(included.every((f) => f === 'package.json' || f.startsWith('out/'))).toBe(true);
    expect(config.files.some((f) => /(^|\/)(src|tests|scripts)(\/|$)/.test(f) && !f.startsWith('!'))).toBe(false);
    expect(pkg.main.startsWith('out/')).toBe(true);
  });

  it('ships resources/ as extraResources and writes installers to dist/', () => {
    expect(config.extraResources).toEqual([expect.objectContaining({ from: 'resources/', to: 'resources/' })]);
    expect(config.directories.output).toBe('dist');
  });

  it('sets the Electron fuses', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableCookieEncryption: true,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      enableNodeCliInspectArguments: false,
    });
  });

  it('builds a French NSIS installer for Windows x64 with a choice of folder', () => {
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(config.nsis.oneClick).toBe(false);
    expect(config.nsis.allowToChangeInstallationDirectory).toBe(true);
    expect(config.nsis.language).toBe('1036');
    expect(config.nsis.installerLanguages).toEqual(['fr_FR']);
    // electron-builder's own language resolution: French only (multiLanguageInstaller: false would mean English).
    expect(new nsisLang.LangConfigurator(config.nsis).langs).toEqual(['fr_FR']);
  });

  it('builds AppImage and deb (category Office) for Linux, with the metadata deb requires', () => {
    expect(names(config.linux.target)).toEqual(['AppImage', 'deb']);
    expect(config.linux.category).toBe('Office');
    expect(config.linux.maintainer ?? (pkg.author as { email?: string } | undefined)?.email).toBeTruthy();
    expect(config.extraMetadata?.homepage ?? pkg.homepage).toBeTruthy();
  });

  it('builds a dmg for macOS, and the zip electron-updater installs macOS updates from', () => {
    expect(names(config.mac.target)).toEqual(['dmg', 'zip']);
  });
});
