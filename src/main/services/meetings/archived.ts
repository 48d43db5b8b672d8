// Meetings of closed strategy periods, read from their archive files: list and one meeting, read-only.
import type { ArchivedMeetingDetail, ArchivedMeetingRow } from '../../../shared/contract/meetings';
import { meetings as t } from '../../../shared/i18n/meetings';
import type { ArchiveFile, Datastore } from '../../../shared/model';
import { DomainError } from '../../../shared/result';
import { foldText } from '../../../shared/strategy-filter';
import type { ServiceContext } from '../context';
import { readArchive } from '../strategy/periods';
import { inviteeRows } from './meetings';

/** The archives of closed periods that can be read; an unreadable or missing file is skipped (the list stays usable). */
function archives(ctx: ServiceContext, periodId?: string): { periodId: string; periodTitle: string; archive: ArchiveFile }[] {
  const out: { periodId: string; periodTitle: string; archive: ArchiveFile }[] = [];
  for (const p of ctx.store.data.periods) {
    if (p.status !== 'closed' && !p.archiveFile) continue;
    if (periodId && p.id !== periodId) continue;
    try {
      out.push({ periodId: p.id, periodTitle: p.title, archive: readArchive(ctx, p.id) });
    } catch {
      continue;
    }
  }
  return out;
}

function instanceName(data: Datastore, instanceId: string): string {
  return data.instances.find((i) => i.id === instanceId)?.name ?? '—';
}

/** Archived meetings, most recent first; `query` matches the title, the instance and the place (accents and case ignored). */
export function listArchivedMeetings(ctx: ServiceContext, input?: { query?: string; periodId?: string; limit?: number }): ArchivedMeetingRow[] {
  const data = ctx.store.data;
  const live = new Set(data.meetings.map((m) => m.id));
  const words = foldText(input?.query ?? '').split(/\s+/).filter(Boolean);
  const rows: ArchivedMeetingRow[] = [];
  for (const { periodId, periodTitle, archive } of archives(ctx, input?.periodId)) {
    for (const m of archive.meetings) {
      if (live.has(m.id)) continue;
      const name = instanceName(data, m.instanceId);
      if (words.length) {
        const text = foldText(`${m.title} ${name} ${m.place ?? ''}`);
        if (!words.every((w) => text.includes(w))) continue;
      }
      rows.push({
        periodId,
        periodTitle,
        id: m.id,
        title: m.title,
        date: m.date,
        startTime: m.startTime,
        instanceName: name,
        status: m.status,
        confidentiality: m.confidentiality,
        items: m.agenda.filter((a) => a.kind !== 'section').length,
        decisions: m.decisions.length,
      });
    }
  }
  rows.sort((a, b) => (b.date + b.startTime).localeCompare(a.date + a.startTime));
  return rows.slice(0, input?.limit ?? 2000);
}

/** One archived meeting as stored in its period's archive. */
export function archivedMeetingDetail(ctx: ServiceContext, periodId: string, id: string): ArchivedMeetingDetail {
  const found = archives(ctx, periodId)[0];
  const meeting = found?.archive.meetings.find((m) => m.id === id);
  if (!found || !meeting) throw new DomainError('not_found', t.errors.meetingNotFound);
  const data = ctx.store.data;
  const pilots: Record<string, string> = {};
  for (const d of meeting.decisions) {
    const org = d.pilotOrganisationId ? data.organisations.find((o) => o.id === d.pilotOrganisationId) : undefined;
    if (org) pilots[org.id] = org.name;
  }
  const representatives: Record<string, string> = {};
  for (const a of meeting.attendance) {
    const p = a.representedByPersonId ? data.people.find((x) => x.id === a.representedByPersonId) : undefined;
    if (p) representatives[p.id] = `${p.civility ? `${p.civility} ` : ''}${p.firstName} ${p.lastName}`.replace(/\s+/g, ' ').trim();
  }
  return { periodId, periodTitle: found.periodTitle, instanceName: instanceName(data, meeting.instanceId), meeting, invitees: inviteeRows(data, meeting), pilots, representatives };
}
