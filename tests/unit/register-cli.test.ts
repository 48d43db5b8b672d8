// CLI of the register: `situations list|stats` (exact JSON shape, passphrase handling, archived notes) and `retention` (dry run writes nothing).
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commands } from '../../src/main/cli/index';
import { runCli } from '../../src/main/cli/framework';
import { setupDemo } from '../../src/main/services/app';
import { createContext } from '../../src/main/services/context';
import * as reg from '../../src/main/services/register';
import { Store } from '../../src/main/store/store';
import { Vault } from '../../src/main/vault/vault';

const PASS = 'phrase-de-passe-test';
let dir = '';
let passFile = '';
let archivedRef = '';

async function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, commands, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** Every file of the folder with its size and modification time. */
function snapshot(root: string): string {
  const walk = (d: string): string[] => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(d, e.name)) : [`${join(d, e.name)}:${statSync(join(d, e.name)).mtimeMs}:${readFileSync(join(d, e.name)).length}`]));
  return walk(root).sort().join('\n');
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'clspd-regcli-'));
  passFile = join(mkdtempSync(join(tmpdir(), 'clspd-pass-')), 'pass.txt');
  writeFileSync(passFile, `${PASS}\r\nignored second line\n`);
  const store = Store.open(dir, { owner: 'test' });
  const ctx = createContext(store, {}, () => new Date('2026-03-10T10:00:00Z'));
  await setupDemo(ctx);
  const vault = new Vault(dir);
  await vault.create(PASS);
  ctx.vault = vault;
  const cell = store.data.instances.find((i) => i.kind === 'working_group' && i.confidentiality === 'confidential')!.id;
  const base = { openedAt: '2025-01-10', instanceIds: [cell], origin: 'school', reason: 'harassment', orientations: ['mediation'], note: 'NOTE-ARCHIVEE' };
  const a = await reg.createSituation(ctx, { ...base, ageBracket: '25_plus' });
  await reg.setSituationStatus(ctx, { id: a.id, status: 'closed', closureReason: 'resolved', closedAt: '2025-06-01' });
  await reg.applyRetention(ctx, '2026-03-10');
  archivedRef = a.reference;
  await reg.createSituation(ctx, { ...base, ageBracket: '15_17', birthYear: 2010, note: 'Note courte' });
  vault.lock();
  await store.close();
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('clspd situations', () => {
  it('prints the exact JSON shape; an archived note only with --reason, which is logged', async () => {
    const r = await run(['situations', 'list', '--data', dir, '--json', '--passphrase-file', passFile]);
    expect(r.code).toBe(0);
    const list = JSON.parse(r.out) as Record<string, unknown>[];
    expect(list).toHaveLength(2);
    for (const s of list) {
      expect(Object.keys(s).sort()).toEqual(
        ['reference', 'status', 'origin', 'reason', 'ageBracket', 'openedAt', 'closedAt', 'legalEndDate', 'referentOrganisationId', 'orientations', 'note', 'decisionIds'].sort(),
      );
    }
    const archived = list.find((s) => s.reference === archivedRef)!;
    expect(archived).toMatchObject({ status: 'archived', origin: 'school', note: null, legalEndDate: null, closedAt: '2025-06-01' });
    expect(list.find((s) => s.status === 'open')).toMatchObject({ legalEndDate: '2035-01-01', note: 'Note courte', ageBracket: '15_17' });
    const withReason = await run(['situations', 'list', '--data', dir, '--json', '--reason', 'Contrôle CNIL', '--passphrase-file', passFile]);
    expect((JSON.parse(withReason.out) as { reference: string; note: string }[]).find((s) => s.reference === archivedRef)?.note).toBe('NOTE-ARCHIVEE');
    const v = new Vault(dir);
    await v.unlock(PASS);
    expect(v.read().accessLog.some((e) => e.action === 'consult_archived' && e.reason === 'Contrôle CNIL' && e.reference === archivedRef)).toBe(true);
  });

  it('prints the statistics; missing passphrase → exit 2, wrong → exit 1, nothing changed', async () => {
    const before = snapshot(dir);
    const saved = process.env.CLSPD_PASSPHRASE;
    delete process.env.CLSPD_PASSPHRASE;
    const missing = await run(['situations', 'stats', '--data', dir, '--json']);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/phrase de passe/);
    const wrongFile = join(dir, '..', `wrong-${Date.now()}.txt`);
    writeFileSync(wrongFile, 'pas-la-bonne\n');
    const wrong = await run(['situations', 'stats', '--data', dir, '--json', '--passphrase-file', wrongFile]);
    expect(wrong.code).toBe(1);
    expect(wrong.err).toMatch(/phrase de passe/i);
    expect(snapshot(dir)).toBe(before);
    rmSync(wrongFile);
    process.env.CLSPD_PASSPHRASE = PASS;
    const ok = await run(['situations', 'stats', '--data', dir, '--json']);
    if (saved === undefined) delete process.env.CLSPD_PASSPHRASE;
    else process.env.CLSPD_PASSPHRASE = saved;
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.out)).toMatchObject({ total: 2 });
  });
});

describe('clspd retention', () => {
  it('a dry run lists what is due and writes nothing; --apply purges and logs counts', async () => {
    const before = snapshot(dir);
    const dry = await run(['retention', '--data', dir, '--as-of', '2028-06-02', '--passphrase-file', passFile, '--json']);
    expect(dry.code).toBe(0);
    const report = JSON.parse(dry.out) as { applied: boolean; due: { label: string; kind: string }[] };
    expect(report.applied).toBe(false);
    expect(report.due.some((x) => x.label.includes(archivedRef))).toBe(true);
    expect(snapshot(dir)).toBe(before);
    const bad = await run(['retention', '--data', dir, '--as-of', '02/06/2028', '--passphrase-file', passFile]);
    expect(bad.code).toBe(2);
    const applied = await run(['retention', '--data', dir, '--as-of', '2028-06-02', '--apply', '--passphrase-file', passFile]);
    expect(applied.code).toBe(0);
    expect(applied.out).toContain(archivedRef);
    const list = await run(['situations', 'list', '--data', dir, '--json', '--passphrase-file', passFile]);
    expect((JSON.parse(list.out) as { reference: string }[]).map((s) => s.reference)).not.toContain(archivedRef);
    const store = Store.open(dir, { readOnly: true });
    expect(store.data.purgeLog.some((e) => e.kind === 'situation_archived' && e.count === 1)).toBe(true);
    await store.close();
  });
});
