// Brings the archived strategy periods a document needs (past years, closed plans, old meetings and actions) into the snapshot.
import type { ArchiveFile, Datastore, StrategyPeriod } from '../../shared/model';
import { documents as t } from '../../shared/i18n/documents';
import { DomainError } from '../../shared/result';
import { loadArchive, mergeArchives } from '../store/archives';
import type { DocumentKind, DocumentParams } from './index';

/** What the reader may see of an archive (the team server's per-account view); absent: the whole archive. */
export type ArchiveView = (archive: ArchiveFile) => ArchiveFile;

function readArchiveFile(dataDir: string, p: StrategyPeriod, view?: ArchiveView): ArchiveFile | undefined {
  const r = loadArchive(dataDir, p);
  if (r.ok) return view ? view(r.archive) : r.archive;
  if (r.problem === 'missing') return undefined;
  if (r.problem === 'unreadable') throw new DomainError('io', t.errors.archiveUnreadable(r.file));
  throw new DomainError('io', t.errors.archiveInvalid(r.file));
}

const archived = (data: Datastore) => data.periods.filter((p) => p.archiveFile || p.status === 'closed');

/**
 * The snapshot a document is generated from: the live datastore, plus the archive files of closed periods
 * when the document concerns them (a past year's bilan, a closed plan, a meeting or action kept in an archive).
 */
export function withArchives(data: Datastore, dataDir: string, kind: DocumentKind, p: DocumentParams, view?: ArchiveView): Datastore {
  const load = (periods: StrategyPeriod[]) => periods.map((x) => readArchiveFile(dataDir, x, view)).filter((x): x is ArchiveFile => !!x);
  switch (kind) {
    case 'dashboard': {
      const year = p.year;
      if (year === undefined) return data;
      return mergeArchives(data, load(archived(data).filter((x) => x.startYear <= year && x.endYear >= year)));
    }
    case 'plan':
      return p.periodId ? mergeArchives(data, load(archived(data).filter((x) => x.id === p.periodId))) : data;
    case 'fiche':
      if (!p.actionId || data.actions.some((a) => a.id === p.actionId)) return data;
      return findIn(data, dataDir, view, (a) => a.actions.some((x) => x.id === p.actionId));
    case 'convocation':
    case 'emargement':
    case 'minutes':
      if (!p.meetingId || data.meetings.some((m) => m.id === p.meetingId)) return data;
      return findIn(data, dataDir, view, (a) => a.meetings.some((x) => x.id === p.meetingId));
    case 'members':
    case 'rules':
    case 'charter':
    case 'charter_review':
      return data;
  }
}

function findIn(data: Datastore, dataDir: string, view: ArchiveView | undefined, has: (a: ArchiveFile) => boolean): Datastore {
  for (const period of archived(data)) {
    const a = readArchiveFile(dataDir, period, view);
    if (a && has(a)) return mergeArchives(data, [a]);
  }
  return data;
}
