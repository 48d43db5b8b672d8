// Dossier de séance of a plenary: convocation, last plenary's minutes, dashboard and plan d'actions in one PDF with bookmarks.
import { sharingServices as ts } from '../../../shared/i18n/sharing-services';
import { renderConvocation } from '../../documents/convocation';
import { renderDashboard } from '../../documents/dashboard';
import { renderMinutes } from '../../documents/minutes';
import { renderPlan } from '../../documents/plan';
import type { GeneratedDocument } from '../../documents/data';
import { formatDate } from '../../../shared/format';
import type { Datastore } from '../../../shared/model';
import { DomainError } from '../../../shared/result';
import { assertMayShare, instanceMap, isConfidentialAction, isConfidentialInstance, isConfidentialMeeting, requireMeeting, type ShareOptions } from './common';
import { bundlePdfs, type BundlePart } from './pdfBundle';

const HELD = new Set(['held', 'validated']);

/** A copy of the document without confidential instances, meetings and actions (a shared export's view). */
export function shareableView(d: Datastore, opts: ShareOptions): Datastore {
  if (opts.includeConfidential) return d;
  const inst = instanceMap(d);
  return {
    ...d,
    instances: d.instances.filter((i) => !isConfidentialInstance(i)),
    memberships: d.memberships.filter((m) => !isConfidentialInstance(inst.get(m.instanceId))),
    meetings: d.meetings.filter((m) => !isConfidentialMeeting(m, inst)),
    actions: d.actions.filter((a) => !isConfidentialAction(a, inst)),
  };
}

export interface DossierFile {
  data: Buffer;
  pages: number;
  parts: string[];
  missing: string[];
  baseName: string;
}

export async function buildDossier(d: Datastore, meetingId: string, opts: ShareOptions, now: Date): Promise<DossierFile> {
  const m = requireMeeting(d, meetingId);
  const inst = instanceMap(d);
  const instance = inst.get(m.instanceId);
  if (instance?.kind !== 'plenary') {
    throw new DomainError('invalid_input', ts.dossier.plenaryOnly);
  }
  assertMayShare(isConfidentialMeeting(m, inst), opts, ts.thisMeeting);
  const view = shareableView(d, opts);
  const previous = view.meetings
    .filter((x) => x.id !== m.id && inst.get(x.instanceId)?.kind === 'plenary' && x.date < m.date && HELD.has(x.status))
    .sort((a, b) => (a.date < b.date ? 1 : -1))[0];
  const year = Number(m.date.slice(0, 4));
  const steps: [string, () => Promise<GeneratedDocument>][] = [
    [`Convocation et ordre du jour — ${formatDate(m.date)}`, () => renderConvocation(view, { meetingId: m.id }, { now })],
    ...(previous ? ([[ts.dossier.previousMinutes(formatDate(previous.date)), () => renderMinutes(view, { meetingId: previous.id }, { now })]] as [string, () => Promise<GeneratedDocument>][]) : []),
    [`Tableau de bord ${year}`, () => renderDashboard(view, { year, includeConfidential: opts.includeConfidential }, { now })],
    [ts.dossier.plan, () => renderPlan(view, { includeConfidential: opts.includeConfidential }, { now })],
  ];
  const parts: BundlePart[] = [];
  const missing: string[] = previous ? [] : [ts.dossier.noPreviousMinutes];
  for (const [title, render] of steps) {
    try {
      parts.push({ title, pdf: (await render()).bytes });
    } catch (e) {
      missing.push(`${title} (${(e as Error).message})`);
    }
  }
  if (!parts.length) throw new DomainError('internal', ts.dossier.nothingProduced);
  const { pdf, pages } = bundlePdfs(parts, { title: ts.dossier.title(m.title), author: d.settings.councilAcronym });
  return { data: pdf, pages, parts: parts.map((p) => p.title), missing, baseName: `dossier-de-seance-${m.date}` };
}
