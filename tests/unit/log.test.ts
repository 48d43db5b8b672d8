// The technical log (src/main/log.ts): off until configured, JSON lines, rotation, and no personal data in what it keeps.
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { configureLog, describeError, LOG_FILE, logDirectory, logError, logFilePath, logInfo, logWarn } from '../../src/main/log';

const dirs: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'clspd-log-'));
  dirs.push(d);
  return d;
}
afterEach(() => {
  configureLog(null);
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('technical log', () => {
  it('does nothing until configured (tests and the CLI write no file)', () => {
    const lines: string[] = [];
    logInfo('app.start', { version: '1' });
    expect(logFilePath()).toBeUndefined();
    configureLog({ write: (l) => lines.push(l) });
    logInfo('app.start', { version: '1' });
    expect(lines).toHaveLength(1);
  });

  it('writes one JSON object per line with level, event, time and pid', () => {
    const dir = tempDir();
    configureLog({ dir });
    logInfo('app.start', { version: '0.1.0', electron: '45.6.1' });
    logWarn('lock.takeover', { previousPid: 42 });
    logError('window.renderGone', { reason: 'crashed' }, new TypeError('x is undefined'));
    expect(logFilePath()).toBe(join(dir, LOG_FILE));
    expect(logDirectory()).toBe(dir);
    const lines = readFileSync(join(dir, LOG_FILE), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => [l.level, l.event])).toEqual([['info', 'app.start'], ['warn', 'lock.takeover'], ['error', 'window.renderGone']]);
    expect(lines[0].version).toBe('0.1.0');
    expect(lines[0].pid).toBe(process.pid);
    expect(Date.parse(String(lines[0].t))).not.toBeNaN();
    expect(lines[2].error).toBe('TypeError');
    expect(lines[2].message).toBe('x is undefined');
    expect(String(lines[2].stack)).toContain('log.test.ts');
  });

  it('rotates: keeps at most maxFiles files, the newest lines in technique.log', () => {
    const dir = tempDir();
    configureLog({ dir, maxBytes: 300, maxFiles: 3 });
    for (let i = 0; i < 60; i++) logInfo('tick', { i });
    const files = readdirSync(dir).sort();
    expect(files).toEqual(['technique.1.log', 'technique.2.log', 'technique.log']);
    for (const f of files) expect(readFileSync(join(dir, f)).length).toBeLessThan(300 + 120);
    const last = readFileSync(join(dir, LOG_FILE), 'utf8').trim().split('\n').pop()!;
    expect(JSON.parse(last).i).toBe(59);
  });

  it('masks the home folder, e-mail addresses and quoted values of error messages; cuts long strings', () => {
    const lines: string[] = [];
    configureLog({ write: (l) => lines.push(l) });
    const e = Object.assign(new Error(`ENOENT: no such file or directory, open '${join(homedir(), 'Documents', 'Situation Dupont.pdf')}'`), { code: 'ENOENT', syscall: 'open' });
    logError('attachment.open', { folder: join(homedir(), 'clspd'), contact: 'marie.dupont@mairie.fr', long: 'a'.repeat(500) }, e);
    const entry = JSON.parse(lines[0]) as Record<string, string>;
    expect(lines[0]).not.toContain('Dupont');
    expect(lines[0]).not.toContain('marie');
    if (homedir().length > 1) expect(lines[0]).not.toContain(homedir());
    expect(entry.folder).toBe(join('~', 'clspd'));
    expect(entry.code).toBe('ENOENT');
    expect(entry.syscall).toBe('open');
    expect(entry.long.length).toBeLessThanOrEqual(201);
    expect(describeError(new Error('Le partenaire « Mme Martin » existe déjà')).message).toBe('Le partenaire «…» existe déjà');
    expect(describeError('boom')).toEqual({ error: 'string' });
  });

  it('never throws when the folder disappears', () => {
    const dir = tempDir();
    configureLog({ dir });
    rmSync(dir, { recursive: true, force: true });
    expect(() => logError('x')).not.toThrow();
  });
});
