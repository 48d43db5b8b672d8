// Ordered migrations of the datastore document, from any older schemaVersion to the current one.
import { SCHEMA_VERSION } from '../../shared/model';

export interface Migration {
  from: number;
  to: number;
  up(doc: Record<string, unknown>): Record<string, unknown>;
}

/** Migrations of the real format. Version 1 is the first; add `{ from: 1, to: 2, up }` here when it changes. */
export const MIGRATIONS: Migration[] = [];

export class NewerVersionError extends Error {
  constructor(readonly version: number) {
    super(`newer schema ${version}`);
  }
}

/** Applies migrations in order until `target`; throws NewerVersionError for a file from a newer app. */
export function migrate(
  doc: Record<string, unknown>,
  migrations: Migration[] = MIGRATIONS,
  target = SCHEMA_VERSION,
): { doc: Record<string, unknown>; migrated: boolean } {
  let version = typeof doc.schemaVersion === 'number' ? doc.schemaVersion : NaN;
  if (!Number.isInteger(version) || version < 1) throw new Error('schemaVersion missing');
  if (version > target) throw new NewerVersionError(version);
  let current = doc;
  let migrated = false;
  while (version < target) {
    const step = migrations.find((m) => m.from === version);
    if (!step) throw new Error(`no migration from ${version}`);
    current = { ...step.up(current), schemaVersion: step.to };
    version = step.to;
    migrated = true;
  }
  return { doc: current, migrated };
}
