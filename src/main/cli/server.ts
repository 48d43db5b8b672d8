// Team-mode CLI: `serve`, `users add|list|disable|reset-password|confidential`, `server import|export`.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { team } from '../../shared/i18n/team';
import { teamFiles } from '../../shared/i18n/team-files';
import { cli } from '../../shared/i18n/cli';
import { exportBackup } from '../services/sharing/backup';
import { writeFileDurable } from '../store/durable';
import { DomainError } from '../../shared/result';
import { addUser, listUsers, resetPassword, ROLES, setConfidentialMembers, setDisabled, type Role } from '../server/accounts';
import { databaseUrl, openDatabase, startTeamServer } from '../server/run';
import { TeamStore } from '../server/team-store';
import { importFolder } from '../server/transfer';
import { type Command, type FlagSpec, type ParsedArgs, stringFlag, UsageError } from './framework';

const DATABASE_FLAG: FlagSpec = { value: 'postgres://…', description: cli.databaseFlag };

function firstLine(file: string): string {
  try {
    return readFileSync(file, 'utf8').split(/\r?\n/)[0] ?? '';
  } catch {
    throw new DomainError('invalid_input', team.cli.passwordFileUnreadable(file));
  }
}

function listenFlag(args: ParsedArgs): { host: string; port: number } {
  const v = stringFlag(args, 'listen') ?? '127.0.0.1:8080';
  const m = /^(\[[0-9a-fA-F:]+\]|[\w.-]+):(\d{1,5})$/.exec(v);
  const port = m ? Number(m[2]) : NaN;
  if (!m || port < 1 || port > 65535) throw new UsageError(team.cli.badListen);
  return { host: m[1]!.replace(/^\[|\]$/g, ''), port };
}

const serve: Command = {
  name: 'serve',
  positionals: 0,
  summary: cli.serve.summary,
  usage: 'serve --database postgres://… [--listen 127.0.0.1:8080] [--tls-cert FICHIER --tls-key FICHIER]',
  flags: {
    database: DATABASE_FLAG,
    listen: { value: cli.serve.listenValue, description: cli.serve.listenFlag },
    'tls-cert': { value: 'FICHIER', description: cli.serve.tlsCertFlag },
    'tls-key': { value: 'FICHIER', description: cli.serve.tlsKeyFlag },
  },
  async run(args, io) {
    const url = databaseUrl(stringFlag(args, 'database'));
    const { host, port } = listenFlag(args);
    const tlsCert = stringFlag(args, 'tls-cert');
    const tlsKey = stringFlag(args, 'tls-key');
    if (Boolean(tlsCert) !== Boolean(tlsKey)) throw new UsageError(team.cli.tlsPair);
    const server = await startTeamServer({
      url,
      host,
      port,
      tlsCert,
      tlsKey,
      rendererDir: resolve(__dirname, '..', 'renderer'),
      log: (event, details) => io.err(`${new Date().toISOString()} ${event} ${JSON.stringify(details)}`),
    });
    io.out(team.cli.listening(server.address));
    if (!tlsCert) io.err(team.cli.plainHttpWarning);
    await new Promise<void>((done) => {
      const stop = () => {
        void server.stop().finally(() => {
          io.out(team.cli.stopped);
          done();
        });
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    return 0;
  },
};

const SUBCOMMANDS = ['add', 'list', 'disable', 'reset-password', 'confidential'] as const;

const users: Command = {
  name: 'users',
  positionals: 1,
  summary: cli.users.summary,
  usage: 'users add|list|disable|reset-password|confidential --database postgres://… [--email E] [--role coordinator|staff|reader] [--name NOM] [--password-file FICHIER] [--instance ID --emails E1,E2]',
  flags: {
    database: DATABASE_FLAG,
    email: { value: 'ADRESSE', description: cli.users.emailFlag },
    role: { value: cli.users.roleValue, description: cli.users.roleFlag },
    name: { value: 'NOM', description: cli.users.nameFlag },
    'password-file': { value: 'FICHIER', description: cli.users.passwordFileFlag },
    instance: { value: 'ID', description: cli.users.instanceFlag },
    emails: { value: 'E1,E2', description: cli.users.emailsFlag },
    json: { description: cli.users.jsonFlag },
  },
  async run(args, io) {
    const sub = args.positionals[0];
    if (!sub || !(SUBCOMMANDS as readonly string[]).includes(sub)) throw new UsageError(team.cli.subcommand(SUBCOMMANDS.join(', ')));
    const pool = await openDatabase(databaseUrl(stringFlag(args, 'database')), 2);
    try {
      const email = () => {
        const e = stringFlag(args, 'email');
        if (!e) throw new UsageError(team.cli.missingFlag('email'));
        return e;
      };
      const passwordFile = stringFlag(args, 'password-file');
      const password = passwordFile ? firstLine(passwordFile) : undefined;
      if (sub === 'add') {
        const role = stringFlag(args, 'role');
        if (!role || !(ROLES as readonly string[]).includes(role)) throw new UsageError(team.cli.badRole);
        const r = await addUser(pool, { email: email(), displayName: stringFlag(args, 'name') ?? email(), role: role as Role, password });
        io.out(team.cli.userAdded(r.account.email, team.roles[r.account.role]));
        if (r.oneTimePassword) io.out(team.cli.oneTimePassword(r.oneTimePassword));
      } else if (sub === 'list') {
        const list = await listUsers(pool);
        if (args.flags.json) io.out(JSON.stringify(list, null, 2));
        else if (!list.length) io.out(team.cli.noUsers);
        else for (const u of list) io.out(`${u.email}\t${u.displayName}\t${team.roles[u.role]}${u.disabled ? cli.users.disabled : ''}`);
      } else if (sub === 'disable') {
        const a = await setDisabled(pool, email(), true);
        io.out(team.cli.userDisabled(a.email));
      } else if (sub === 'reset-password') {
        const r = await resetPassword(pool, email(), password);
        io.out(team.cli.passwordReset(r.account.email));
        if (r.oneTimePassword) io.out(team.cli.oneTimePassword(r.oneTimePassword));
      } else {
        const instanceId = stringFlag(args, 'instance');
        if (!instanceId) throw new UsageError(team.cli.missingFlag('instance'));
        const found = await pool.query(
          "SELECT 1 FROM entities WHERE collection = 'instances' AND id = $1 AND payload->>'confidentiality' = 'confidential'",
          [instanceId],
        );
        if (!found.rowCount) throw new DomainError('not_found', team.cli.unknownInstance);
        const emails = (stringFlag(args, 'emails') ?? '').split(',').map((e) => e.trim().toLowerCase()).filter(Boolean);
        const ids = (await pool.query<{ id: string; email: string }>('SELECT id, email FROM users WHERE email = ANY($1::text[])', [emails])).rows;
        const missing = emails.filter((e) => !ids.some((u) => u.email === e));
        if (missing.length) throw new DomainError('not_found', cli.users.noAccount(missing));
        await setConfidentialMembers(pool, instanceId, ids.map((u) => u.id));
        io.out(team.cli.membersSet(ids.length));
      }
    } finally {
      await pool.end();
    }
    return 0;
  },
};

const server: Command = {
  name: 'server',
  positionals: 1,
  summary: cli.server.summary,
  usage: 'server import --database postgres://… --from DOSSIER | server export --database postgres://… --out FICHIER.zip',
  flags: {
    database: DATABASE_FLAG,
    from: { value: 'DOSSIER', description: cli.server.fromFlag },
    out: { value: 'FICHIER.zip', description: cli.server.outFlag },
  },
  async run(args, io) {
    const sub = args.positionals[0];
    if (sub !== 'import' && sub !== 'export') throw new UsageError(team.cli.subcommand('import, export'));
    const path = stringFlag(args, sub === 'import' ? 'from' : 'out');
    if (!path) throw new UsageError(team.cli.missingFlag(sub === 'import' ? 'from' : 'out'));
    const pool = await openDatabase(databaseUrl(stringFlag(args, 'database')), 2);
    const store = new TeamStore(pool);
    try {
      await store.load();
      if (sub === 'import') {
        const r = await importFolder(store, resolve(path), { userId: 'cli', displayName: cli.server.author });
        io.out(team.cli.imported(r.entities, r.archives));
      } else {
        // The local app's complete backup format: the live document as its main file, the archived periods beside it.
        const b = await exportBackup(store, new Date(), Buffer.from(JSON.stringify(store.data)));
        writeFileDurable(resolve(path), b.data);
        io.out(teamFiles.exported(resolve(path), b.counts.actions, b.archives));
      }
    } finally {
      await store.close();
      await pool.end();
    }
    return 0;
  },
};

export const serverCommands: Command[] = [serve, users, server];
