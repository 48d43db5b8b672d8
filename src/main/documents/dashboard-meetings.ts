// Bilan annuel, meetings and attendance: meetings held per instance, the year's meetings, and attendance per institution.
import { common } from '../../shared/i18n/common';
import { documents as t } from '../../shared/i18n/documents';
import { formatPercent, formatShortDate } from '../../shared/format';
import type { Meeting } from '../../shared/model';
import { HEALTH_COLOURS } from '../../shared/status-colours';
import type { ConfidentialityFilter } from './confidentiality';
import type { Lookup } from './data';
import { horizontalBars } from './kit/charts';
import { COLOURS, type PdfDoc } from './kit/document';
import { table } from './kit/table';

/** Statuses of a meeting that took place. */
export const HELD: Meeting['status'][] = ['in_progress', 'held', 'validated'];

/** The meetings of the year (on a new page): how many each instance held, then one row per meeting. */
export function meetingsSection(pd: PdfDoc, lk: Lookup, year: number, meetings: Meeting[], held: Meeting[], scope: ConfidentialityFilter): void {
  pd.newPage();
  pd.heading(t.dashboard.meetings, 1);
  if (scope.leftOut.meetings) pd.note(`${t.marks.meetingsLeftOut(scope.leftOut.meetings)} ${t.marks.leftOutHow}`);
  const byInstance = new Map<string, number>();
  for (const m of held) byInstance.set(m.instanceId, (byInstance.get(m.instanceId) ?? 0) + 1);
  if (byInstance.size) {
    pd.heading(t.dashboard.meetingsByInstance, 2);
    horizontalBars(
      pd,
      [...byInstance.entries()].sort((a, b) => b[1] - a[1]).map(([id, n]) => ({ label: lk.instanceName(id) || id, value: n, colour: COLOURS.accent })),
      { size: 8, alt: t.dashboard.meetingsByInstance },
    );
  }
  const mc = t.dashboard.meetingColumns;
  table(
    pd,
    [
      { header: mc.date, width: 1.1, nowrap: true },
      { header: mc.instance, width: 3 },
      { header: mc.title, width: 4 },
      { header: mc.status, width: 1.6 },
      { header: mc.attendance, width: 1.1, align: 'right' },
    ],
    meetings.map((m) => {
      const known = m.attendance.filter((a) => a.status !== 'unknown');
      const came = known.filter((a) => a.status === 'present' || a.status === 'represented').length;
      // A confidential meeting's title may name its subject: show the instance only (even when included on explicit choice).
      const confidential = scope.meetingLevel(m) === 'confidential';
      return {
        cells: [
          formatShortDate(m.date),
          lk.instanceName(m.instanceId),
          confidential ? common.confidentiality.confidential : m.title,
          common.meetingStatus[m.status],
          HELD.includes(m.status) && m.invitees.length ? formatPercent((came / Math.max(1, m.invitees.length)) * 100) : '—',
        ],
      };
    }),
    { size: 8, empty: t.dashboard.noMeetings(year) },
  );
}

/** Attendance per institution over the meetings held: share of meetings where it was present or represented. */
export function attendanceSection(pd: PdfDoc, lk: Lookup, held: Meeting[]): void {
  pd.heading(t.dashboard.attendance, 1);
  pd.text(t.dashboard.attendanceIntro, { size: 8.5, face: 'italic', colour: COLOURS.muted, after: 6 });
  const stats = new Map<string, { invited: number; came: number }>();
  for (const m of held) {
    const status = new Map(m.attendance.map((a) => [a.inviteeId, a.status]));
    const seen = new Map<string, boolean>();
    for (const inv of m.invitees) {
      const org = inv.organisationId ?? (inv.personId ? lk.people.get(inv.personId)?.organisationId : undefined);
      if (!org) continue;
      const st = status.get(inv.id);
      const came = st === 'present' || st === 'represented';
      seen.set(org, (seen.get(org) ?? false) || came);
    }
    for (const [org, came] of seen) {
      const e = stats.get(org) ?? { invited: 0, came: 0 };
      e.invited++;
      if (came) e.came++;
      stats.set(org, e);
    }
  }
  if (!stats.size) pd.text(t.dashboard.noAttendance, { size: 9, face: 'italic', colour: COLOURS.muted });
  else {
    const rows = [...stats.entries()]
      .map(([org, e]) => ({ org, ...e, rate: (e.came / e.invited) * 100 }))
      .sort((a, b) => b.rate - a.rate || b.invited - a.invited || lk.orgName(a.org).localeCompare(lk.orgName(b.org), 'fr'));
    horizontalBars(
      pd,
      rows.map((r) => ({
        label: lk.orgShort(r.org) || r.org,
        value: r.rate,
        colour: r.rate >= 75 ? HEALTH_COLOURS.on_track : r.rate >= 50 ? HEALTH_COLOURS.watch : HEALTH_COLOURS.late,
        valueLabel: t.dashboard.attendanceLabel(formatPercent(r.rate), r.came, r.invited),
      })),
      { max: 100, size: 8, labelWidth: pd.width * 0.42, alt: t.dashboard.attendance },
    );
  }
}
