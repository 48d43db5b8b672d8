// Builds the shared spreadsheets (actions, indicators, partners, memberships, decisions, attendance) as typed tables.
import { common } from '../../../shared/i18n/common';
import { sharing } from '../../../shared/i18n/sharing';
import type { Datastore, Meeting } from '../../../shared/model';
import { instanceMap, isConfidentialAction, isConfidentialInstance, isConfidentialMeeting, personName, shareable, type ShareOptions } from './common';

export const TABLE_KINDS = ['actions', 'indicators', 'partners', 'memberships', 'decisions', 'attendance'] as const;
export type TableKind = (typeof TABLE_KINDS)[number];

export type CellType = 'text' | 'number' | 'integer' | 'money' | 'date' | 'datetime' | 'bool';
/** A cell: text, number, ISO date (`date`/`datetime` columns), boolean, or empty. */
export type CellValue = string | number | boolean | undefined;

export interface Column {
  key: string;
  header: string;
  type: CellType;
  /** Width in characters. */
  width: number;
}

export interface Sheet {
  name: string;
  columns: Column[];
  rows: Record<string, CellValue>[];
}

export interface TableExport {
  kind: TableKind;
  title: string;
  /** Sheets of the XLSX file, in order. */
  sheets: Sheet[];
  /** The single flat table written to CSV. */
  csv: Sheet;
  /** True when confidential content was included (file must be marked). */
  confidential: boolean;
  /** How many confidential records were left out. */
  excluded: number;
}

const H = sharing.headers;
const col = (key: keyof typeof H, type: CellType = 'text', width = 18): Column => ({ key, header: H[key], type, width });

function sum(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}

function actionsTable(d: Datastore, opts: ShareOptions): TableExport {
  const inst = instanceMap(d);
  const axes = new Map(d.axes.map((a) => [a.id, a]));
  const objectives = new Map(d.objectives.map((o) => [o.id, o]));
  const periods = new Map(d.periods.map((p) => [p.id, p]));
  const orgs = new Map(d.organisations.map((o) => [o.id, o]));
  const people = new Map(d.people.map((p) => [p.id, p]));
  const { kept: actions, excluded, confidential } = shareable(d.actions, (a) => isConfidentialAction(a, inst), opts);
  const columns: Column[] = [
    col('code', 'text', 10),
    col('title', 'text', 40),
    col('axis', 'text', 30),
    col('objective', 'text', 30),
    col('period', 'text', 22),
    col('nationalMeasures', 'text', 24),
    col('context', 'text', 40),
    col('description', 'text', 40),
    col('modalities', 'text', 40),
    col('pilot', 'text', 28),
    col('referent', 'text', 22),
    col('partners', 'text', 36),
    col('targetPublic', 'text', 22),
    col('territory', 'text', 20),
    col('startDate', 'date', 13),
    col('endDate', 'date', 13),
    col('milestones', 'text', 36),
    col('means', 'text', 30),
    col('requested', 'money', 16),
    col('obtained', 'money', 16),
    col('spent', 'money', 16),
    col('fundingDetail', 'text', 36),
    col('indicatorList', 'text', 36),
    col('status', 'text', 16),
    col('progress', 'integer', 14),
    col('followingInstance', 'text', 26),
    col('lastUpdate', 'datetime', 18),
    col('archived', 'bool', 10),
    col('id', 'text', 20),
  ];
  const rows = actions.map((a) => {
    const obj = a.objectiveId ? objectives.get(a.objectiveId) : undefined;
    const axis = obj ? axes.get(obj.axisId) : undefined;
    const pilot = a.pilot.organisationId ? orgs.get(a.pilot.organisationId) : undefined;
    const referent = a.pilot.personId ? people.get(a.pilot.personId) : undefined;
    return {
      code: a.code,
      title: a.title,
      axis: axis?.title,
      objective: obj?.title,
      period: periods.get(a.periodId)?.title,
      nationalMeasures: a.nationalMeasures.join(' ; ') || undefined,
      context: a.context,
      description: a.description,
      modalities: a.modalities,
      pilot: pilot?.name,
      referent: referent ? personName(referent) : undefined,
      partners:
        a.partners.map((p) => `${orgs.get(p.organisationId)?.name ?? '?'} (${common.partnerRole[p.role].toLowerCase()}${p.note ? ` : ${p.note}` : ''})`).join(' ; ') ||
        undefined,
      targetPublic: a.targetPublic,
      territory: a.territory,
      startDate: a.startDate,
      endDate: a.endDate,
      milestones: a.milestones.map((m) => `${m.title} — ${m.dueDate.split('-').reverse().join('/')}${m.doneAt ? ' (fait)' : ''}`).join(' ; ') || undefined,
      means: a.means,
      requested: a.funding.length ? sum(a.funding.map((f) => f.requested)) : undefined,
      obtained: a.funding.length ? sum(a.funding.map((f) => f.obtained)) : undefined,
      spent: a.funding.length ? sum(a.funding.map((f) => f.spent)) : undefined,
      fundingDetail: a.funding.map((f) => `${f.funder}${f.year ? ` ${f.year}` : ''} : ${f.obtained} / ${f.requested}`).join(' ; ') || undefined,
      indicatorList: a.indicators.map((i) => i.title).join(' ; ') || undefined,
      status: common.actionStatus[a.status],
      progress: a.progress,
      followingInstance: a.followingInstanceId ? inst.get(a.followingInstanceId)?.name : undefined,
      lastUpdate: a.lastUpdateAt,
      archived: a.archived,
      id: a.id,
    };
  });
  const funding: Sheet = {
    name: sharing.sheets.funding,
    columns: [col('actionCode', 'text', 12), col('action', 'text', 40), col('funder', 'text', 20), col('year', 'integer', 8), col('requested', 'money', 16), col('obtained', 'money', 16), col('spent', 'money', 16)],
    rows: actions.flatMap((a) =>
      a.funding.map((f) => ({ actionCode: a.code, action: a.title, funder: f.funder, year: f.year, requested: f.requested, obtained: f.obtained, spent: f.spent })),
    ),
  };
  const milestones: Sheet = {
    name: sharing.sheets.milestones,
    columns: [col('actionCode', 'text', 12), col('action', 'text', 40), col('milestone', 'text', 36), col('dueDate', 'date', 13), col('doneAt', 'date', 13)],
    rows: actions.flatMap((a) => a.milestones.map((m) => ({ actionCode: a.code, action: a.title, milestone: m.title, dueDate: m.dueDate, doneAt: m.doneAt }))),
  };
  const main: Sheet = { name: sharing.sheets.actions, columns, rows };
  return { kind: 'actions', title: sharing.tables.actions, sheets: [main, funding, milestones], csv: main, confidential, excluded };
}

function indicatorsTable(d: Datastore, opts: ShareOptions): TableExport {
  const inst = instanceMap(d);
  const orgs = new Map(d.organisations.map((o) => [o.id, o]));
  const { kept: actions, excluded, confidential } = shareable(d.actions, (a) => isConfidentialAction(a, inst), opts);
  const indicatorCols: Column[] = [
    col('actionCode', 'text', 12),
    col('action', 'text', 36),
    col('indicator', 'text', 36),
    col('definition', 'text', 36),
    col('indicatorType', 'text', 12),
    col('unit', 'text', 12),
    col('baseline', 'number', 12),
    col('target', 'number', 10),
    col('targetDate', 'date', 13),
    col('source', 'text', 20),
    col('frequency', 'text', 14),
    col('responsible', 'text', 24),
  ];
  const base = (a: (typeof actions)[number], i: (typeof actions)[number]['indicators'][number]) => ({
    actionCode: a.code,
    action: a.title,
    indicator: i.title,
    definition: i.definition,
    indicatorType: common.indicatorType[i.type],
    unit: i.unit,
    baseline: i.baseline,
    target: i.target,
    targetDate: i.targetDate,
    source: i.source,
    frequency: i.frequency,
    responsible: i.responsibleOrganisationId ? orgs.get(i.responsibleOrganisationId)?.name : undefined,
  });
  const indicators: Sheet = {
    name: sharing.sheets.indicators,
    columns: [...indicatorCols, col('lastValue', 'number', 14), col('lastValueDate', 'date', 14), col('measurementCount', 'integer', 12)],
    rows: actions.flatMap((a) =>
      a.indicators.map((i) => {
        const sorted = [...i.measurements].sort((x, y) => (x.date < y.date ? -1 : 1));
        const last = sorted[sorted.length - 1];
        return { ...base(a, i), lastValue: last?.value, lastValueDate: last?.date, measurementCount: i.measurements.length };
      }),
    ),
  };
  const measurements: Sheet = {
    name: sharing.sheets.measurements,
    columns: [col('actionCode', 'text', 12), col('indicator', 'text', 36), col('unit', 'text', 12), col('measurementDate', 'date', 14), col('value', 'number', 12), col('comment', 'text', 36)],
    rows: actions.flatMap((a) =>
      a.indicators.flatMap((i) =>
        [...i.measurements].sort((x, y) => (x.date < y.date ? -1 : 1)).map((m) => ({ actionCode: a.code, indicator: i.title, unit: i.unit, measurementDate: m.date, value: m.value, comment: m.comment })),
      ),
    ),
  };
  const flat: Sheet = {
    name: sharing.sheets.indicators,
    columns: [...indicatorCols, col('measurementDate', 'date', 14), col('value', 'number', 12), col('comment', 'text', 36)],
    rows: actions.flatMap((a) =>
      a.indicators.flatMap((i) => {
        const b = base(a, i);
        if (!i.measurements.length) return [b];
        return [...i.measurements].sort((x, y) => (x.date < y.date ? -1 : 1)).map((m) => ({ ...b, measurementDate: m.date, value: m.value, comment: m.comment }));
      }),
    ),
  };
  return { kind: 'indicators', title: sharing.tables.indicators, sheets: [indicators, measurements], csv: flat, confidential, excluded };
}

function partnersTable(d: Datastore): TableExport {
  const cats = new Map(d.categories.map((c) => [c.id, c]));
  const orgCols: Column[] = [
    col('organisation', 'text', 36),
    col('shortName', 'text', 12),
    col('category', 'text', 30),
    col('orgAddress', 'text', 36),
    col('orgEmail', 'text', 28),
    col('orgPhone', 'text', 18),
    col('website', 'text', 24),
  ];
  const orgs = [...d.organisations].sort(
    (a, b) => (cats.get(a.categoryId)?.protocolRank ?? 999) - (cats.get(b.categoryId)?.protocolRank ?? 999) || a.name.localeCompare(b.name, 'fr'),
  );
  const peopleByOrg = new Map<string, typeof d.people>();
  for (const p of d.people) {
    const list = peopleByOrg.get(p.organisationId) ?? [];
    list.push(p);
    peopleByOrg.set(p.organisationId, list);
  }
  const orgBase = (o: (typeof orgs)[number]) => ({
    organisation: o.name,
    shortName: o.shortName,
    category: cats.get(o.categoryId)?.label,
    orgAddress: o.address,
    orgEmail: o.email,
    orgPhone: o.phone,
    website: o.website,
  });
  const flat: Sheet = {
    name: sharing.sheets.partnersFlat,
    columns: [...orgCols, col('civility', 'text', 9), col('firstName', 'text', 16), col('lastName', 'text', 18), col('jobTitle', 'text', 28), col('email', 'text', 28), col('phone', 'text', 18), col('leftAt', 'date', 14)],
    rows: orgs.flatMap((o) => {
      const people = (peopleByOrg.get(o.id) ?? []).sort((a, b) => a.lastName.localeCompare(b.lastName, 'fr'));
      if (!people.length) return [orgBase(o)];
      return people.map((p) => ({
        ...orgBase(o),
        civility: p.civility || undefined,
        firstName: p.firstName || undefined,
        lastName: p.lastName,
        jobTitle: p.jobTitle,
        email: p.email,
        phone: p.phone,
        leftAt: p.leftAt,
      }));
    }),
  };
  const structures: Sheet = {
    name: sharing.sheets.organisations,
    columns: [...orgCols, col('peopleCount', 'integer', 10), col('archived', 'bool', 10)],
    rows: orgs.map((o) => ({ ...orgBase(o), peopleCount: peopleByOrg.get(o.id)?.length ?? 0, archived: o.archived })),
  };
  return { kind: 'partners', title: sharing.tables.partners, sheets: [flat, structures], csv: flat, confidential: false, excluded: 0 };
}

function membershipsTable(d: Datastore, opts: ShareOptions): TableExport {
  const orgs = new Map(d.organisations.map((o) => [o.id, o]));
  const people = new Map(d.people.map((p) => [p.id, p]));
  const inst = instanceMap(d);
  const byId = new Map(d.memberships.map((m) => [m.id, m]));
  const { kept: list, excluded, confidential } = shareable(d.memberships, (m) => isConfidentialInstance(inst.get(m.instanceId)), opts);
  const sheet: Sheet = {
    name: sharing.sheets.memberships,
    columns: [
      col('instance', 'text', 30),
      col('instanceKind', 'text', 24),
      col('confidentiality', 'text', 14),
      col('organisation', 'text', 32),
      col('civility', 'text', 9),
      col('firstName', 'text', 16),
      col('lastName', 'text', 18),
      col('jobTitle', 'text', 26),
      col('email', 'text', 28),
      col('role', 'text', 20),
      col('seat', 'text', 12),
      col('replaces', 'text', 24),
      col('startDate', 'date', 13),
      col('endDate', 'date', 13),
      col('charterSignedAt', 'date', 14),
    ],
    rows: list
      .map((m) => {
        const i = inst.get(m.instanceId);
        const p = people.get(m.personId);
        const tit = m.titularMembershipId ? byId.get(m.titularMembershipId) : undefined;
        const titP = tit ? people.get(tit.personId) : undefined;
        return {
          instance: i?.name,
          instanceKind: i ? common.instanceKind[i.kind] : undefined,
          confidentiality: i ? common.confidentiality[i.confidentiality] : undefined,
          organisation: orgs.get(m.organisationId)?.name,
          civility: p?.civility || undefined,
          firstName: p?.firstName || undefined,
          lastName: p?.lastName,
          jobTitle: p?.jobTitle,
          email: p?.email,
          role: common.memberRole[m.role],
          seat: common.seat[m.seat],
          replaces: titP ? personName(titP) : undefined,
          startDate: m.startDate,
          endDate: m.endDate,
          charterSignedAt: m.charterSignedAt,
        };
      })
      .sort((a, b) => String(a.instance).localeCompare(String(b.instance), 'fr') || String(a.organisation).localeCompare(String(b.organisation), 'fr')),
  };
  return { kind: 'memberships', title: sharing.tables.memberships, sheets: [sheet], csv: sheet, confidential, excluded };
}

/** Meetings that may appear in a shared export, with the count of those left out. */
export function shareableMeetings(d: Datastore, opts: ShareOptions): { meetings: Meeting[]; excluded: number; confidential: boolean } {
  const inst = instanceMap(d);
  const { kept: meetings, excluded, confidential } = shareable(d.meetings, (m) => isConfidentialMeeting(m, inst), opts);
  return { meetings, excluded, confidential };
}

function decisionsTable(d: Datastore, opts: ShareOptions): TableExport {
  const inst = instanceMap(d);
  const orgs = new Map(d.organisations.map((o) => [o.id, o]));
  const actions = new Map(d.actions.map((a) => [a.id, a]));
  const { meetings, confidential } = shareableMeetings(d, opts);
  const kept = new Set(meetings.map((m) => m.id));
  // Counted in decisions, like the rows of the file.
  const excluded = d.meetings.filter((m) => !kept.has(m.id)).reduce((n, m) => n + m.decisions.length, 0);
  const sheet: Sheet = {
    name: sharing.sheets.decisions,
    columns: [
      col('meetingDate', 'date', 13),
      col('meeting', 'text', 32),
      col('instance', 'text', 28),
      col('decisionKind', 'text', 10),
      col('text', 'text', 60),
      col('agendaItem', 'text', 30),
      col('pilot', 'text', 28),
      col('dueDate', 'date', 13),
      col('situationRef', 'text', 18),
      col('decisionStatus', 'text', 12),
      col('linkedAction', 'text', 12),
    ],
    rows: [...meetings]
      .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
      .flatMap((m) =>
        m.decisions.map((dec) => ({
          meetingDate: m.date,
          meeting: m.title,
          instance: inst.get(m.instanceId)?.name,
          decisionKind: sharing.decisionKind[dec.kind],
          text: dec.text,
          agendaItem: dec.agendaItemId ? m.agenda.find((x) => x.id === dec.agendaItemId)?.title : undefined,
          pilot: dec.pilotOrganisationId ? orgs.get(dec.pilotOrganisationId)?.name : undefined,
          dueDate: dec.dueDate,
          situationRef: dec.situationRef,
          decisionStatus: sharing.decisionStatus[dec.status],
          linkedAction: dec.actionId ? actions.get(dec.actionId)?.code : undefined,
        })),
      ),
  };
  return { kind: 'decisions', title: sharing.tables.decisions, sheets: [sheet], csv: sheet, confidential, excluded };
}

const HELD = new Set(['in_progress', 'held', 'validated']);

function attendanceTable(d: Datastore, opts: ShareOptions): TableExport {
  const inst = instanceMap(d);
  const orgs = new Map(d.organisations.map((o) => [o.id, o]));
  const cats = new Map(d.categories.map((c) => [c.id, c]));
  const people = new Map(d.people.map((p) => [p.id, p]));
  const { meetings, excluded, confidential } = shareableMeetings(d, opts);
  type Counts = { invited: number; present: number; represented: number; excused: number; absent: number; unknown: number };
  const zero = (): Counts => ({ invited: 0, present: 0, represented: 0, excused: 0, absent: 0, unknown: 0 });
  const rate = (c: Counts): number | undefined => {
    const known = c.invited - c.unknown;
    return known > 0 ? Math.round(((c.present + c.represented) / known) * 1000) / 10 : undefined;
  };
  const byOrgYear = new Map<string, Counts & { org: string; year: number }>();
  const byMeeting: Record<string, CellValue>[] = [];
  for (const m of [...meetings].filter((x) => HELD.has(x.status)).sort((a, b) => (a.date < b.date ? -1 : 1))) {
    const status = new Map(m.attendance.map((a) => [a.inviteeId, a.status]));
    const mc = zero();
    for (const inv of m.invitees) {
      const s = status.get(inv.id) ?? 'unknown';
      mc.invited++;
      mc[s]++;
      const orgId = inv.organisationId ?? (inv.personId ? people.get(inv.personId)?.organisationId : undefined);
      if (!orgId) continue;
      const year = Number(m.date.slice(0, 4));
      const key = `${year}|${orgId}`;
      const c = byOrgYear.get(key) ?? { ...zero(), org: orgId, year };
      c.invited++;
      c[s]++;
      byOrgYear.set(key, c);
    }
    byMeeting.push({ meetingDate: m.date, meeting: m.title, instance: inst.get(m.instanceId)?.name, ...mc, attendanceRate: rate(mc) });
  }
  const countCols = [col('invited', 'integer', 11), col('present', 'integer', 9), col('represented', 'integer', 11), col('excused', 'integer', 9), col('absent', 'integer', 9), col('unknown', 'integer', 13), col('attendanceRate', 'number', 14)];
  const perOrg: Sheet = {
    name: sharing.sheets.attendanceByOrg,
    columns: [col('year', 'integer', 8), col('organisation', 'text', 36), col('category', 'text', 30), ...countCols],
    rows: [...byOrgYear.values()]
      .map((c) => {
        const o = orgs.get(c.org);
        return { ...c, organisation: o?.name ?? '?', category: o ? cats.get(o.categoryId)?.label : undefined, attendanceRate: rate(c) };
      })
      .sort((a, b) => a.year - b.year || String(a.organisation).localeCompare(String(b.organisation), 'fr'))
      .map(({ org: _org, ...rest }) => rest),
  };
  const perMeeting: Sheet = {
    name: sharing.sheets.attendanceByMeeting,
    columns: [col('meetingDate', 'date', 13), col('meeting', 'text', 32), col('instance', 'text', 28), ...countCols],
    rows: byMeeting,
  };
  return { kind: 'attendance', title: sharing.tables.attendance, sheets: [perOrg, perMeeting], csv: perOrg, confidential, excluded };
}

/** Builds one shared table. Confidential content is left out unless `includeConfidential`. */
export function buildTable(d: Datastore, kind: TableKind, opts: ShareOptions = {}): TableExport {
  switch (kind) {
    case 'actions':
      return actionsTable(d, opts);
    case 'indicators':
      return indicatorsTable(d, opts);
    case 'partners':
      return partnersTable(d);
    case 'memberships':
      return membershipsTable(d, opts);
    case 'decisions':
      return decisionsTable(d, opts);
    case 'attendance':
      return attendanceTable(d, opts);
  }
}
