// Liste des membres (annex to the arrêté de composition): per instance and role, seat, start date, charter signature for confidential groups.
import { common } from '../../shared/i18n/common';
import { documents as t } from '../../shared/i18n/documents';
import { formatDate, formatShortDate, todayIso } from '../../shared/format';
import type { Confidentiality, Datastore, Instance, MemberRole } from '../../shared/model';
import { DomainError } from '../../shared/result';
import { confidentialityBasis, INSTANCE_KIND_ORDER } from '../../shared/instance-rules';
import { councilWords } from '../../shared/council';
import { finishDocument } from './common';
import { ConfidentialityFilter } from './confidentiality';
import { type GeneratedDocument, Lookup, personName, type RenderOptions, safeFileName } from './data';
import { COLOURS, PdfDoc } from './kit/document';
import { type Row, table } from './kit/table';

export interface MembersParams {
  /** One instance, or every active instance. */
  instanceId?: string;
  /** Council-wide list: explicit choice to include the confidential groups (the document is then marked confidential). */
  includeConfidential?: boolean;
}

const ROLES: MemberRole[] = ['ex_officio', 'designated', 'associated', 'qualified'];

export async function renderMembers(data: Datastore, params: MembersParams, options: RenderOptions = {}): Promise<GeneratedDocument> {
  const lk = new Lookup(data);
  const now = options.now ?? new Date();
  const today = todayIso(now);
  let instances: Instance[];
  let scope: ConfidentialityFilter;
  if (params.instanceId) {
    const inst = data.instances.find((i) => i.id === params.instanceId);
    if (!inst) throw new DomainError('not_found', t.errors.instanceNotFound(params.instanceId));
    // Asking for one confidential group's list is the explicit choice (it is produced for its charter signatories).
    scope = new ConfidentialityFilter(data, true);
    instances = scope.instanceList([inst]);
  } else {
    // The council-wide annex covers public and restricted instances; confidential groups only on explicit choice.
    scope = new ConfidentialityFilter(data, params.includeConfidential);
    instances = scope.instanceList(
      data.instances.filter((i) => i.status === 'active').sort((a, b) => INSTANCE_KIND_ORDER[a.kind] - INSTANCE_KIND_ORDER[b.kind] || a.name.localeCompare(b.name, 'fr')),
    );
  }
  const confidentiality: Confidentiality = scope.level;
  const title = params.instanceId ? t.members.instanceTitle(instances[0].name) : t.members.title;
  const s = data.settings;
  const basis = params.instanceId ? confidentialityBasis(instances[0]) : scope.basis;
  const pd = new PdfDoc({ title, subject: t.members.subject, dateLabel: t.members.asOf(formatDate(today)), confidentiality, basis, settings: s, now });
  pd.text(title, { face: 'bold', size: 17, tag: 'H1', colour: COLOURS.accent, after: 2 });
  pd.text(t.members.annex(s.councilAcronym, s.communeName, councilWords(s.councilAcronym).arrete), { size: 10, colour: COLOURS.muted, after: 2 });
  pd.text(t.members.asOf(formatDate(today)), { size: 10, colour: COLOURS.muted, after: 8 });
  if (scope.leftOut.instances) pd.note(`${t.marks.instancesLeftOut(scope.leftOut.instances)} ${t.marks.leftOutHow}`);

  instances.forEach((inst, idx) => {
    if (idx > 0) pd.y += 6;
    pd.heading(inst.name, 1);
    pd.text([common.instanceKind[inst.kind], common.confidentiality[inst.confidentiality], inst.cadence].filter(Boolean).join(' · '), { size: 8.5, colour: COLOURS.muted, after: 4 });
    const confidential = inst.confidentiality === 'confidential';
    if (confidential) pd.note(t.members.confidentialNote);
    const active = data.memberships.filter((m) => m.instanceId === inst.id && m.startDate <= today && (!m.endDate || m.endDate >= today));
    const rows: Row[] = [];
    for (const role of ROLES) {
      const list = lk.sortByProtocol(
        active.filter((m) => m.role === role),
        (m) => {
          const p = lk.people.get(m.personId);
          return { orgId: m.organisationId, job: p?.jobTitle, name: p ? `${p.lastName} ${p.firstName}` : '' };
        },
      );
      if (!list.length) continue;
      rows.push({ group: t.members.roleGroups[role], detail: String(list.length) });
      for (const m of list) {
        const p = lk.people.get(m.personId);
        rows.push({
          cells: [
            lk.orgName(m.organisationId) || '—',
            { text: p ? personName(p) : '—', face: 'bold' },
            p?.jobTitle ?? '',
            common.seat[m.seat],
            formatShortDate(m.startDate),
            ...(confidential ? [m.charterSignedAt ? formatShortDate(m.charterSignedAt) : { text: t.members.charterMissing, face: 'italic' as const, colour: COLOURS.confidential }] : []),
          ],
        });
      }
    }
    const c = t.members.columns;
    table(
      pd,
      [
        { header: c.institution, width: 3 },
        { header: c.name, width: 2.4 },
        { header: c.job, width: 2.3 },
        { header: c.seat, width: 1.3 },
        { header: c.since, width: 1.6, nowrap: true },
        ...(confidential ? [{ header: c.charter, width: 2.1, nowrap: true }] : []),
      ],
      rows,
      { size: 8.2, empty: t.members.noMembers },
    );
    options.onProgress?.((idx + 1) / instances.length);
  });
  return finishDocument(pd, title, safeFileName('liste-des-membres', params.instanceId ? instances[0].name : s.councilAcronym, today));
}

export async function membersPdf(data: Datastore, params: MembersParams, options: RenderOptions = {}): Promise<Buffer> {
  return (await renderMembers(data, params, options)).bytes;
}
