// The working groups' governance texts: the règlement intérieur in force (or its template), its printable blocks, the yearly charter review due date.
import { addDays } from './format';
import { presidentInSentence } from './council';
import { type GovernanceContext, governance as t } from './i18n/governance';
import { confidentialityBasis, type InstanceNature } from './instance-rules';
import type { CharterReview, Instance, RulesVersion, Settings } from './model';

export function governanceContext(settings: Pick<Settings, 'councilAcronym' | 'communeName' | 'councilName'>, instance: InstanceNature & { name: string }): GovernanceContext {
  return {
    group: instance.name,
    council: settings.councilAcronym,
    commune: settings.communeName || '…',
    basis: confidentialityBasis(instance),
    president: presidentInSentence(settings.councilAcronym),
  };
}

/** The version in force (the last saved), if any. */
export function currentRules(instance: Pick<Instance, 'rulesVersions'>): RulesVersion | undefined {
  const v = instance.rulesVersions ?? [];
  return v[v.length - 1];
}

/** The text to edit or print: the version in force, or the template filled for this group. */
export function rulesText(settings: Pick<Settings, 'councilAcronym' | 'communeName' | 'councilName'>, instance: Instance): { text: string; version?: RulesVersion } {
  const version = currentRules(instance);
  return version ? { text: version.text, version } : { text: t.rules.template(governanceContext(settings, instance)) };
}

export type RulesBlock = { kind: 'heading'; text: string } | { kind: 'bullet'; text: string } | { kind: 'paragraph'; text: string };

/** Splits the plain text into headings (« Article N — … »), bullets (« - … ») and paragraphs. */
export function rulesBlocks(text: string): RulesBlock[] {
  const out: RulesBlock[] = [];
  for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    if (/^article\s+\S+/i.test(line) && line.length <= 120) out.push({ kind: 'heading', text: line });
    else if (/^[-–•]\s+/.test(line)) out.push({ kind: 'bullet', text: line.replace(/^[-–•]\s+/, '') });
    else out.push({ kind: 'paragraph', text: line });
  }
  return out;
}

/** The latest review (by date). */
export function lastCharterReview(instance: Pick<Instance, 'charterReviews'>): CharterReview | undefined {
  return [...(instance.charterReviews ?? [])].sort((a, b) => a.reviewedOn.localeCompare(b.reviewedOn)).pop();
}

/** Date the next yearly bilan d'application is due: a year after the last one, or a year after the group was created. */
export function charterReviewDue(instance: Pick<Instance, 'charterReviews' | 'createdAt'>): string {
  const last = lastCharterReview(instance);
  return addDays(last ? last.reviewedOn : instance.createdAt.slice(0, 10), 365);
}
