// Ordered migrations of the datastore document, from any older schemaVersion to the current one.
import { SCHEMA_VERSION } from '../../shared/model';
import { moveConfidentialTextsAside } from '../vault/extract';

export interface Migration {
  from: number;
  to: number;
  up(doc: Record<string, unknown>): Record<string, unknown>;
}

/**
 * Migrations of the real format (datastore and archive files alike).
 * 1 → 2: the texts of confidential meetings leave the meetings for `pendingProtected`, until the protected
 * store takes them at the first unlock (src/main/vault/migration.ts).
 */
export const MIGRATIONS: Migration[] = [{ from: 1, to: 2, up: moveConfidentialTextsAside }];

export class NewerVersionError extends Error {
  constructor(readonly version: number) {
    super(`newer schema ${version}`);
  }
}

/** The file has no usable `schemaVersion`. */
export class MissingVersionError extends Error {
  constructor() {
    super('schemaVersion missing');
  }
}

/** No migration step leads from `version` towards the current format. */
export class MissingMigrationError extends Error {
  constructor(readonly version: number) {
    super(`no migration from ${version}`);
  }
}

/** Applies migrations in order until `target`; throws NewerVersionError for a file from a newer app. */
export function migrate(
  doc: Record<string, unknown>,
  migrations: Migration[] = MIGRATIONS,
  target = SCHEMA_VERSION,
): { doc: Record<string, unknown>; migrated: boolean } {
  let version = typeof doc.schemaVersion === 'number' ? doc.schemaVersion : NaN;
  // 0 is a valid (pre-release) version so a migration chain can start there; a missing or odd value is not.
  if (!Number.isInteger(version) || version < 0) throw new MissingVersionError();
  if (version > target) throw new NewerVersionError(version);
  let current = doc;
  let migrated = false;
  while (version < target) {
    const step = migrations.find((m) => m.from === version);
    if (!step || step.to <= version) throw new MissingMigrationError(version);
    current = { ...step.up(current), schemaVersion: step.to };
    version = step.to;
    migrated = true;
  }
  return { doc: current, migrated };
}
