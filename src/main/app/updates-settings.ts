// Where the update setting lives: `updates.json` in this computer's app folder (userData), not in the council's data
// (a restored backup or a shared data folder must not turn updates on), plus the service informatique's policy (environment).
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

export const UPDATES_FILE = 'updates.json';

const Saved = z.object({ enabled: z.boolean() }).strict();

/** The coordinator's choice; off when never chosen, unreadable or malformed (off is the safe side). */
export function readUpdatesEnabled(dir: string): boolean {
  try {
    const parsed = Saved.safeParse(JSON.parse(readFileSync(join(dir, UPDATES_FILE), 'utf8')));
    return parsed.success && parsed.data.enabled;
  } catch {
    return false;
  }
}

export function writeUpdatesEnabled(dir: string, enabled: boolean): void {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, UPDATES_FILE);
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(tmp, `${JSON.stringify({ enabled })}\n`, { mode: 0o600 });
  renameSync(tmp, file);
}

/** What the service informatique decided for this computer (system environment variables, e.g. set by a GPO). */
export interface UpdatesPolicy {
  /** CLSPD_UPDATES=off (or non, 0, false, no): updates forbidden, the switch is disabled. */
  forbidden: boolean;
  /** CLSPD_UPDATES_URL: an internal HTTPS server holding latest.yml and the installers, used instead of the project's releases. */
  feedUrl?: string;
  /** CLSPD_UPDATES_URL is set but is not an https:// address: updates stay off rather than use an unsafe source. */
  badUrl: boolean;
}

export function readUpdatesPolicy(env: NodeJS.ProcessEnv): UpdatesPolicy {
  const forbidden = /^(off|non|no|0|false|désactivé|desactive)$/i.test((env.CLSPD_UPDATES ?? '').trim());
  const raw = (env.CLSPD_UPDATES_URL ?? '').trim();
  if (!raw) return { forbidden, badUrl: false };
  const url = z.url({ protocol: /^https$/ }).safeParse(raw);
  return url.success ? { forbidden, feedUrl: url.data, badUrl: false } : { forbidden, badUrl: true };
}
