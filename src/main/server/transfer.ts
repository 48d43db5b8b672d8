// Moving in: a local data folder (main file and archived periods) loaded into the team database, confidential texts left out.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withoutSecretTexts } from '../../shared/confidential-texts';
import { team } from '../../shared/i18n/team';
import type { ArchiveFile, Datastore, Meeting } from '../../shared/model';
import { DomainError } from '../../shared/result';
import { loadArchive } from '../store/archives';
import { DATA_FILE, inspectFile } from '../store/store';
import type { TeamStore } from './team-store';

/**
 * The notes and decision texts of confidential meetings stay on the coordinator's computer (protected store):
 * the server only learns that the meeting took place and that decisions were taken.
 */
export function withoutConfidentialTexts<T extends { meetings: Meeting[] }>(doc: T): T {
  return {
    ...doc,
    meetings: doc.meetings.map((m) => {
      if (m.confidentiality !== 'confidential') return m;
      const cleared = withoutSecretTexts(m, team.confidentialPlaceholder);
      // Chair notes and follow-up comments have no place in the coffre either: left out.
      return {
        ...cleared,
        agenda: cleared.agenda.map((i) => ({ ...i, chairNotes: undefined })),
        decisions: cleared.decisions.map((d) => ({ ...d, followUpComment: undefined })),
      };
    }),
  };
}

/** Loads `dir` into an empty team database in one transaction. */
export async function importFolder(store: TeamStore, dir: string, writer: { userId: string; displayName: string }): Promise<{ entities: number; archives: number }> {
  const main = inspectFile(join(dir, DATA_FILE));
  if (!main.ok) throw new DomainError('invalid_input', team.cli.importUnreadable(main.message));
  const archives: ArchiveFile[] = [];
  for (const p of main.data.periods.filter((x) => x.status === 'closed')) {
    const r = loadArchive(dir, p);
    if (r.ok) archives.push(r.archive);
    else if (r.problem !== 'missing') throw new DomainError('invalid_input', team.cli.importUnreadable(r.file));
  }
  if (store.isReady) throw new DomainError('conflict', team.cli.importNotEmpty);
  const doc: Datastore = withoutConfidentialTexts(main.data);
  const out = await store.write(async () => {
    await store.initialise(doc);
    for (const a of archives) {
      const clean = withoutConfidentialTexts(a);
      const period = main.data.periods.find((p) => p.id === a.archiveOf);
      writeFileSync(join(store.dataDir, period?.archiveFile ?? `archive-${a.archiveOf}.json`), JSON.stringify(clean));
    }
  }, writer, 'server:import');
  return { entities: out.changes.length, archives: archives.length };
}
