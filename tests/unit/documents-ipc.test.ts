// Documents through the IPC handlers and the CLI: tokens, preview bytes, save/open through the platform only, French errors.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commands } from '../../src/main/cli/index';
import { runCli } from '../../src/main/cli/framework';
import { createInvoker, type Invoke } from '../../src/main/ipc/handlers';
import { createContext, type Platform } from '../../src/main/services/context';
import { Store } from '../../src/main/store/store';
import type { DocumentChoices, GeneratedInfo } from '../../src/shared/contract/documents';
import type { Result } from '../../src/shared/result';
import { withArchives } from '../../src/main/documents/archives';
import { SCHEMA_VERSION, type ArchiveFile } from '../../src/shared/model';
import { buildFixture } from './documents.fixtures';

let dir: string;
let store: Store;
let invoke: Invoke;
let platform: Platform;
const opened: string[] = [];
const shown: string[] = [];

function value<T>(r: Result<unknown>): T {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message}`);
  return r.value as T;
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'clspd-docipc-'));
  store = Store.open(join(dir, 'data'), { owner: 'test' });
  await store.initialise(buildFixture());
  platform = {};
  invoke = createInvoker(createContext(store, platform), undefined, () => undefined);
});

afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('documents channels', () => {
  it('generates under a token, serves the bytes for the preview, lists the pickers', async () => {
    const choices = value<DocumentChoices>(await invoke('documents:choices', undefined));
    expect(choices.meetings.find((m) => m.id === 'mee_draft')?.minutesAvailable).toBe(false);
    expect(choices.years).toContain(2026);
    const info = value<GeneratedInfo>(await invoke('documents:minutes', { meetingId: 'mee_pleniere' }));
    expect(info.token).toMatch(/^[a-f0-9]{24}$/);
    expect(info.pages).toBeGreaterThan(1);
    expect(info.suggestedName).toBe('compte-rendu-2026-03-03-Seance-pleniere-annuelle.pdf');
    const bytes = value<Uint8Array>(await invoke('documents:bytes', { token: info.token }));
    expect(Buffer.from(bytes).subarray(0, 5).toString()).toBe('%PDF-');
    for (const [ch, payload] of [
      ['documents:convocation', { meetingId: 'mee_pleniere', personalised: true }],
      ['documents:emargement', { meetingId: 'mee_pleniere', blankLines: 4 }],
      ['documents:plan', undefined],
      ['documents:fiche', { actionId: 'act_1' }],
      ['documents:dashboard', { year: 2026 }],
      ['documents:members', { instanceId: 'ins_vif' }],
    ] as const) {
      expect(value<GeneratedInfo>(await invoke(ch, payload)).pages, ch).toBeGreaterThan(0);
    }
  });

  it('refuses bad payloads and unknown ids in French', async () => {
    const bad = await invoke('documents:minutes', { meetingId: 'mee_pleniere', path: '/etc/passwd' });
    expect(bad.ok).toBe(false);
    const unknown = await invoke('documents:minutes', { meetingId: 'nope' });
    expect(!unknown.ok && unknown.error.message).toMatch(/introuvable/);
    const draft = await invoke('documents:minutes', { meetingId: 'mee_draft' });
    expect(!draft.ok && draft.error.message).toMatch(/Brouillon/);
    const expired = await invoke('documents:bytes', { token: 'abcdef0123456789' });
    expect(!expired.ok && expired.error.message).toMatch(/générez-le de nouveau/);
  });

  it('without the app shell, save/open/show give a clear French error', async () => {
    const info = value<GeneratedInfo>(await invoke('documents:plan', undefined));
    for (const ch of ['documents:saveAs', 'documents:open', 'documents:showInFolder']) {
      const r = await invoke(ch, { token: info.token });
      expect(r.ok).toBe(false);
      expect(!r.ok && r.error.message).toMatch(/que dans l’application/);
    }
  });

  it('saves where the main-process dialog says, opens and shows the file through the platform', async () => {
    const target = join(dir, 'enregistre.pdf');
    platform.chooseSavePath = async (name) => (name.endsWith('.pdf') ? target : undefined);
    platform.openPath = async (p) => void opened.push(p);
    platform.showItemInFolder = (p) => void shown.push(p);
    const info = value<GeneratedInfo>(await invoke('documents:members', undefined));
    const saved = value<{ saved: boolean; path?: string }>(await invoke('documents:saveAs', { token: info.token }));
    expect(saved).toEqual({ saved: true, path: target });
    expect(readFileSync(target).subarray(0, 5).toString()).toBe('%PDF-');
    await invoke('documents:open', { token: info.token });
    await invoke('documents:showInFolder', { token: info.token });
    expect(opened.at(-1)).toBe(target);
    expect(shown.at(-1)).toBe(target);
    platform.chooseSavePath = async () => undefined;
    expect(value<{ saved: boolean }>(await invoke('documents:saveAs', { token: info.token }))).toEqual({ saved: false });
  });
});

describe('clspd pdf', () => {
  async function cli(argv: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(argv, commands, { out: (l) => out.push(l), err: (l) => err.push(l) });
    return { code, out: out.join('\n'), err: err.join('\n') };
  }

  it('writes each document and fails clearly on wrong ids, unwritable paths and documents that do not apply', async () => {
    await store.flush();
    const data = join(dir, 'data');
    const out = join(dir, 'cr.pdf');
    let r = await cli(['pdf', 'minutes', '--data', data, '--meeting', 'mee_pleniere', '--out', out]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/Document écrit : .*cr\.pdf \(\d+ pages\)/);
    expect(existsSync(out)).toBe(true);
    r = await cli(['pdf', 'attendance-sheet', '--data', data, '--meeting', 'mee_pleniere', '--out', join(dir, 'em.pdf')]);
    expect(r.code, r.err).toBe(0);
    r = await cli(['pdf', 'dashboard', '--data', data, '--year', '2026', '--out', join(dir, 'b.pdf')]);
    expect(r.code, r.err).toBe(0);
    r = await cli(['pdf', 'minutes', '--data', data, '--meeting', 'nope', '--out', out]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/introuvable/);
    r = await cli(['pdf', 'minutes', '--data', data, '--meeting', 'mee_draft', '--out', out]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/Brouillon/);
    r = await cli(['pdf', 'minutes', '--data', data, '--meeting', 'mee_pleniere', '--out', '/no/such/folder/cr.pdf']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/Impossible d’écrire/);
    r = await cli(['pdf', 'fiche', '--data', data, '--out', out]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--action/);
    r = await cli(['pdf', 'dashboard', '--data', data, '--year', '26', '--out', out]);
    expect(r.code).toBe(2);
    r = await cli(['pdf', 'brochure', '--data', data, '--out', out]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/Document inconnu/);
  });
});

describe('archived periods', () => {
  it('a past year, a closed plan, an archived meeting and action are printed from the archive file', async () => {
    const live = buildFixture();
    const period = live.periods[0];
    const archive: ArchiveFile = {
      schemaVersion: SCHEMA_VERSION,
      archiveOf: period.id,
      period: { ...period, status: 'closed', archiveFile: 'archive-per_1.json' },
      axes: live.axes,
      objectives: live.objectives,
      actions: live.actions,
      meetings: live.meetings,
    };
    const folder = join(dir, 'archived');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'archive-per_1.json'), JSON.stringify(archive));
    const data = { ...live, periods: [{ ...period, status: 'closed' as const, archiveFile: 'archive-per_1.json' }], axes: [], objectives: [], actions: [], meetings: [] };
    expect(withArchives(data, folder, 'dashboard', { year: 2026 }).actions.length).toBe(live.actions.length);
    expect(withArchives(data, folder, 'dashboard', { year: 2031 }).actions.length).toBe(0);
    expect(withArchives(data, folder, 'minutes', { meetingId: 'mee_vif' }).meetings.length).toBe(live.meetings.length);
    expect(withArchives(data, folder, 'fiche', { actionId: 'act_3' }).actions.some((a) => a.id === 'act_3')).toBe(true);
    expect(withArchives(data, folder, 'plan', { periodId: 'per_1' }).axes.length).toBe(3);
    // Through the CLI, from the data folder.
    const store2 = Store.open(folder, { owner: 'test' });
    await store2.initialise(data);
    await store2.close();
    const out = join(dir, 'bilan-archive.pdf');
    const code = await runCli(['pdf', 'dashboard', '--data', folder, '--year', '2026', '--out', out], commands, { out: () => undefined, err: () => undefined });
    expect(code).toBe(0);
    const text = execFileSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' });
    expect(text).toContain('Axe 1 — Prévention de la délinquance');
    expect(text).toContain('Assiduité des institutions');
  });
});
