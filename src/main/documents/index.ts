// Entry point of the printed documents: the list of kinds and one dispatcher over a datastore snapshot.
import type { Datastore } from '../../shared/model';
import { renderConvocation } from './convocation';
import { renderDashboard } from './dashboard';
import type { GeneratedDocument, RenderOptions } from './data';
import { renderEmargement } from './emargement';
import { renderFiche } from './fiche';
import { renderCharter, renderCharterReview, renderRules } from './governance';
import { renderMembers } from './members';
import { renderMinutes } from './minutes';
import { renderPlan } from './plan';
import { withFontRecovery } from './kit/recovery';

export type { GeneratedDocument, RenderOptions } from './data';
export { renderConvocation, convocationPdf } from './convocation';
export { renderEmargement, emargementPdf } from './emargement';
export { renderMinutes, minutesPdf, isDecisionsOnly } from './minutes';
export { renderPlan, planPdf } from './plan';
export { renderFiche, fichePdf } from './fiche';
export { renderDashboard, dashboardPdf } from './dashboard';
export { renderMembers, membersPdf } from './members';
export { renderRules, renderCharter, renderCharterReview } from './governance';
export { fontsDir, fontParseCount, loadFonts } from './kit/fonts';
export { ConfidentialityFilter, documentLevel, actionLevel, meetingLevel, instanceLevel, stricter } from './confidentiality';

export const DOCUMENT_KINDS = ['convocation', 'emargement', 'minutes', 'plan', 'fiche', 'dashboard', 'members', 'rules', 'charter', 'charter_review'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** The names used by `clspd export pdf` in the specification, mapped to the kinds. */
export const KIND_ALIASES: Record<string, DocumentKind> = {
  agenda: 'convocation',
  'attendance-sheet': 'emargement',
  'action-plan': 'plan',
  'action-sheet': 'fiche',
  'reglement-interieur': 'rules',
  charte: 'charter',
  'charter-review': 'charter_review',
  'bilan-charte': 'charter_review',
};

export interface DocumentParams {
  meetingId?: string;
  actionId?: string;
  instanceId?: string;
  periodId?: string;
  year?: number;
  personalised?: boolean;
  blankLines?: number;
  /** Plan, bilan, council-wide list of members: print the confidential instances' content (then marked). Off by default. */
  includeConfidential?: boolean;
  /** Règlement intérieur: a saved version (the one in force otherwise). */
  versionId?: string;
}

/**
 * Generates one document; throws a French DomainError when an id is missing or the document does not apply.
 * A failure inside the shared fonts is retried once on freshly parsed faces (kit/recovery.ts).
 */
export function generateDocument(kind: DocumentKind, data: Datastore, p: DocumentParams, options: RenderOptions = {}): Promise<GeneratedDocument> {
  return withFontRecovery(() => renderKind(kind, data, p, options));
}

function renderKind(kind: DocumentKind, data: Datastore, p: DocumentParams, options: RenderOptions): Promise<GeneratedDocument> {
  const need = (v: string | undefined, what: 'meeting' | 'action' | 'instance'): string => {
    if (v) return v;
    throw new MissingParamError(what);
  };
  switch (kind) {
    case 'convocation':
      return renderConvocation(data, { meetingId: need(p.meetingId, 'meeting'), personalised: p.personalised }, options);
    case 'emargement':
      return renderEmargement(data, { meetingId: need(p.meetingId, 'meeting'), blankLines: p.blankLines }, options);
    case 'minutes':
      return renderMinutes(data, { meetingId: need(p.meetingId, 'meeting') }, options);
    case 'plan':
      return renderPlan(data, { periodId: p.periodId, includeConfidential: p.includeConfidential }, options);
    case 'fiche':
      return renderFiche(data, { actionId: need(p.actionId, 'action') }, options);
    case 'dashboard':
      return renderDashboard(data, { year: p.year ?? (options.now ?? new Date()).getFullYear(), includeConfidential: p.includeConfidential }, options);
    case 'members':
      return renderMembers(data, { instanceId: p.instanceId, includeConfidential: p.includeConfidential }, options);
    case 'rules':
      return renderRules(data, { instanceId: need(p.instanceId, 'instance'), versionId: p.versionId }, options);
    case 'charter':
      return renderCharter(data, { instanceId: need(p.instanceId, 'instance') }, options);
    case 'charter_review':
      return renderCharterReview(data, { instanceId: need(p.instanceId, 'instance'), year: p.year }, options);
  }
}

/** A document that needs a meeting or an action was asked for without one. */
export class MissingParamError extends Error {
  constructor(readonly what: 'meeting' | 'action' | 'instance') {
    super(`missing ${what}`);
  }
}
