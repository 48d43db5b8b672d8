// The desktop's team settings on disk (outside the data folder): the current connection and the certificates pinned per server.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileDurable } from '../store/durable';

const PinSchema = z.object({ fingerprint: z.string().regex(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/), pem: z.string().max(20_000) });
const ConnectionSchema = z.object({
  server: z.string().url().max(500),
  email: z.string().max(300),
  displayName: z.string().max(300),
  role: z.enum(['coordinator', 'staff', 'reader']),
  /** The session's bearer token (12 h on the server); the password itself is never kept. */
  token: z.string().min(20).max(200),
});
const ConfigSchema = z.object({
  version: z.literal(1),
  connection: ConnectionSchema.optional(),
  /** Pinned certificates by server origin (https://host:port). */
  pins: z.record(z.string().max(500), PinSchema),
});

export type TeamConnection = z.infer<typeof ConnectionSchema>;
export type TeamConfig = z.infer<typeof ConfigSchema>;

export const CONFIG_FILE = 'team.json';

/** Reads the settings; a missing or unreadable file means local mode with nothing pinned (nothing is trusted by default). */
export function readConfig(dir: string): TeamConfig {
  try {
    const parsed = ConfigSchema.safeParse(JSON.parse(readFileSync(join(dir, CONFIG_FILE), 'utf8')));
    if (parsed.success) return parsed.data;
  } catch {
    // No file yet.
  }
  return { version: 1, pins: {} };
}

/** Written atomically and durably, readable by this account only (it holds a session token). */
export function writeConfig(dir: string, config: TeamConfig): void {
  mkdirSync(dir, { recursive: true });
  writeFileDurable(join(dir, CONFIG_FILE), JSON.stringify(ConfigSchema.parse(config), null, 2));
}
