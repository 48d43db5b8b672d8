// Small command-line framework: command table, flag parsing with French errors, help text.
import { resolve } from 'node:path';
import { cli as tc } from '../../shared/i18n/cli';
import { vault as tv } from '../../shared/i18n/vault';
import { DomainError } from '../../shared/result';
import { protectionPendingOnDisk } from '../vault/migration';

export interface FlagSpec {
  /** Takes a value (`--data DIR`) or is a switch (`--json`). */
  value?: string;
  description: string;
  required?: boolean;
}

export interface ParsedArgs {
  positionals: string[];
  flags: Record<string, string | true>;
}

export interface Io {
  out(line: string): void;
  err(line: string): void;
}

export interface Command {
  name: string;
  summary: string;
  usage: string;
  flags: Record<string, FlagSpec>;
  /** How many positional arguments the command accepts (more is a usage error); unlimited when absent. */
  positionals?: number;
  /** Returns the process exit code. */
  run(args: ParsedArgs, io: Io): Promise<number>;
}

export class UsageError extends Error {}

export function parseArgs(argv: string[], flags: Record<string, FlagSpec>): ParsedArgs {
  const out: ParsedArgs = { positionals: [], flags: {} };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith('--')) {
      const [rawName, inline] = a.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
      const spec = flags[rawName];
      if (!spec) throw new UsageError(tc.unknownOption(rawName));
      if (spec.value) {
        const v = inline ?? argv[++i];
        if (v === undefined || v === '' || (inline === undefined && v.startsWith('--'))) throw new UsageError(tc.optionNeedsValue(rawName, spec.value));
        out.flags[rawName] = v;
      } else {
        if (inline !== undefined) throw new UsageError(tc.optionTakesNoValue(rawName));
        out.flags[rawName] = true;
      }
    } else {
      out.positionals.push(a);
    }
  }
  for (const [name, spec] of Object.entries(flags)) {
    if (spec.required && out.flags[name] === undefined) throw new UsageError(tc.optionRequired(name));
  }
  return out;
}

export function helpText(cmd: Command): string {
  const lines = [tc.usage(cmd.usage), '', cmd.summary, '', tc.options];
  for (const [name, spec] of Object.entries(cmd.flags)) {
    lines.push(`  --${name}${spec.value ? ` ${spec.value}` : ''}`.padEnd(30) + spec.description + (spec.required ? ' (obligatoire)' : ''));
  }
  lines.push('  --help'.padEnd(30) + tc.helpFlag);
  return lines.join('\n');
}

/**
 * The data folder: `--data DIR`, else the CLSPD_DATA environment variable. Refused (exit 1) while the
 * confidential texts of an older version wait to move into the protected store, unless `allowPending`
 * (check, backup, restore and `vault migrate` work on such a folder).
 */
export function dataDirFrom(args: ParsedArgs, options: { allowPending?: boolean } = {}): string {
  const v = args.flags.data;
  let dir: string;
  if (typeof v === 'string' && v) dir = resolve(v);
  else if (process.env.CLSPD_DATA) dir = resolve(process.env.CLSPD_DATA);
  else throw new UsageError(tc.dataRequired);
  if (!options.allowPending && protectionPendingOnDisk(dir)) throw new DomainError('conflict', tv.cli.migrationPending);
  return dir;
}

export function stringFlag(args: ParsedArgs, name: string): string | undefined {
  const v = args.flags[name];
  return typeof v === 'string' ? v : undefined;
}

export const DATA_FLAG: FlagSpec = { value: 'DOSSIER', description: tc.dataFlag };

/** Runs one command line; never throws. */
export async function runCli(argv: string[], commands: Command[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  const general = () =>
    [
      tc.title,
      '',
      tc.generalUsage,
      '',
      tc.commands,
      ...commands.map((c) => `  ${c.name.padEnd(Math.max(...commands.map((x) => x.name.length)) + 2)}${c.summary}`),
      '',
      tc.commandHelp,
    ].join('\n');
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(general());
    return name ? 0 : 2;
  }
  const cmd = commands.find((c) => c.name === name);
  if (!cmd) {
    io.err(`${tc.unknownCommand(name)}\n\n${general()}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(helpText(cmd));
    return 0;
  }
  try {
    const args = parseArgs(rest, cmd.flags);
    if (cmd.positionals !== undefined && args.positionals.length > cmd.positionals) {
      throw new UsageError(tc.unexpectedArgument(String(args.positionals[cmd.positionals])));
    }
    return await cmd.run(args, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`${tc.error(e.message)}\n\n${helpText(cmd)}`);
      return 2;
    }
    if (e instanceof DomainError) {
      io.err(tc.error(e.message));
      return 1;
    }
    io.err(tc.unexpectedError((e as Error).message ?? String(e)));
    return 1;
  }
}
