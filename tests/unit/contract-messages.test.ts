// The contract's team, coffre, logo, audit and sharing refusals speak with the catalogue's messages, and no French literal is
// left in the contract nor in the services moved to the catalogue (meetings, instances, strategy, undo, coffre).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { teamContract } from '../../src/shared/contract/team';
import { vaultContract } from '../../src/shared/contract/vault';
import { AuditFilters } from '../../src/shared/contract/audit';
import { SettingsPatch } from '../../src/shared/contract/core';
import { fieldErrors } from '../../src/shared/validation';
import { team } from '../../src/shared/i18n/team';
import { vault } from '../../src/shared/i18n/vault';
import { shell } from '../../src/shared/i18n/shell';
import type { z } from '../../src/shared/validation';

const errorsOf = (schema: z.ZodType, value: unknown): Record<string, string> => {
  const r = schema.safeParse(value);
  expect(r.success).toBe(false);
  return r.success ? {} : fieldErrors(r.error);
};

describe('contract messages come from the catalogue', () => {
  it('team connect and password change', () => {
    expect(errorsOf(teamContract['team:connect'].input, { url: '', email: '', password: '' })).toEqual({
      url: team.input.urlRequired,
      email: team.input.emailRequired,
      password: team.input.passwordRequired,
    });
    expect(errorsOf(teamContract['team:connect'].input, { url: 'clspd', email: 'a@b.fr', password: 'x' }).url).toBe(team.input.url);
    expect(errorsOf(teamContract['team:setPassword'].input, { password: 'court', confirmation: 'court' }).password).toBe(team.errors.passwordTooShort);
    expect(errorsOf(teamContract['team:setPassword'].input, { password: 'assez-long-123', confirmation: 'autre-chose-12' }).confirmation).toBe(
      team.input.passwordsDiffer,
    );
  });

  it('coffre unlock, recovery and idle delay', () => {
    expect(errorsOf(vaultContract['vault:unlock'].input, { passphrase: '' }).passphrase).toBe(vault.input.passphraseRequired);
    const recover = errorsOf(vaultContract['vault:recover'].input, { recoveryKey: '', newPassphrase: 'a', confirmation: 'b' });
    expect(recover.recoveryKey).toBe(vault.input.recoveryKeyRequired);
    expect(errorsOf(vaultContract['vault:setIdleMinutes'].input, { minutes: 0 }).minutes).toBe(vault.input.idleMin);
    expect(errorsOf(vaultContract['vault:setIdleMinutes'].input, { minutes: 241 }).minutes).toBe(vault.input.idleMax);
  });

  it('logo path and audit operation', () => {
    expect(errorsOf(SettingsPatch, { logoPath: 'C:/logo.gif' }).logoPath).toBe(shell.files.logoNotImage);
    expect(errorsOf(SettingsPatch, { logoPath: `C:/${'a'.repeat(300)}.png` }).logoPath).toBe(shell.files.logoTooLong);
    expect(errorsOf(AuditFilters, { channel: 'pas une opération' }).channel).toBe(team.audit.unknownOperation);
  });

  it('no accented French message is written in the contract files', () => {
    expect(accentedLiterals('src/shared/contract')).toEqual([]);
  });

  it('no accented French message is written in the meetings, instances, strategy, undo and coffre services', () => {
    // Not checked here: categories (preset categories, seed data); services/sharing is checked below;
    // services/demo holds sample data, not messages.
    const found = [...['meetings', 'instances', 'strategy'].flatMap((d) => accentedLiterals(`src/main/services/${d}`)), ...accentedLiterals('src/main/services', ['trash.ts', 'vault.ts'])];
    expect(found).toEqual([]);
  });

  it('no accented French message is written in the directory, app, store, documents, team server services nor the renderer\'s client', () => {
    // Seed data are data, not messages: the default council name of an empty datastore, and in services/app.ts the
    // council names, the first period's title and the two default instances (app.ts is checked for its refusals only).
    const seed = ['Conseil local de sécurité', 'Conseil intercommunal de sécurité', 'Stratégie territoriale ${', "name: 'Formation "];
    const found = [
      ...accentedLiterals('src/main/services', ['directory.ts', 'app.ts']),
      ...['src/main/store', 'src/main/documents', 'src/main/server', 'src/main/server/db'].flatMap((d) => accentedLiterals(d)),
      // typography.ts turns straight quotes into French ones: characters, not messages.
      ...accentedLiterals('src/main/documents/kit').filter((l) => !l.startsWith('src/main/documents/kit/typography.ts')),
      ...accentedLiterals('src/renderer/src', ['api.ts']),
      // The command line: its framework, the coffre, plan, situations, retention, decisions, attendance, pdf, core, team-server, export and import commands: the whole of src/main/cli.
      ...accentedLiterals('src/main/cli'),
      // The sharing services, all of them (the import column aliases recognising headers are data, not messages).
      ...accentedLiterals('src/main/services/sharing').filter(
        (l) => !l.includes('aliases: ['),
      ),
    ].filter((l) => !seed.some((s) => l.includes(s)));
    expect(found).toEqual([]);
  });
});

/** Lines of `dir` (its .ts files, or only `files`) holding a string literal with an accented letter, « » or ’, comments aside. */
function accentedLiterals(dir: string, files?: string[]): string[] {
  const root = join(__dirname, '../..', dir);
  return (files ?? readdirSync(root).filter((f) => f.endsWith('.ts'))).flatMap((f) =>
    readFileSync(join(root, f), 'utf8')
      .split('\n')
      .filter((line) => !/^\s*(\/\/|\/?\*)/.test(line))
      .filter((line) => /(['"`])[^'"`]*[àâçéèêëîïôûùüÿœÀÂÇÉÈÊËÎÏÔÛÙÜŸŒ«»’][^'"`]*\1/.test(line))
      .map((line) => `${dir}/${f}: ${line.trim()}`),
  );
}
