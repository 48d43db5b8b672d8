// Governance of the confidential working groups: versioned règlement intérieur, yearly bilans d'application de la charte, and their reminders.
import type { Deleted } from '../../../shared/contract/directory';
import type { CharterReviewInput } from '../../../shared/contract/meetings';
import type { Reminder } from '../../../shared/contract/strategy';
import { addDays, formatDate } from '../../../shared/format';
import { charterReviewDue, currentRules, lastCharterReview } from '../../../shared/governance';
import { governance as t } from '../../../shared/i18n/governance';
import { newId } from '../../../shared/ids';
import { charterApplies } from '../../../shared/instance-rules';
import type { CharterReview, Instance } from '../../../shared/model';
import { DomainError } from '../../../shared/result';
import { detach } from '../../store/transaction';
import { nowIso, type ServiceContext } from '../context';
import { getInstance, today } from './index';

function governed(instance: Instance): Instance {
  if (!charterApplies(instance)) throw new DomainError('invalid_input', t.errors.notApplicable(instance.name));
  return instance;
}

/** Saves a new dated version of the group's règlement intérieur; earlier versions are kept. */
export async function saveRules(ctx: ServiceContext, instanceId: string, text: string): Promise<Instance> {
  const body = text.replace(/\r\n?/g, '\n').trim();
  if (!body) throw new DomainError('invalid_input', t.errors.emptyRules, 'text');
  return ctx.store.update((data) => {
    const instance = governed(getInstance(data, instanceId));
    if (currentRules(instance)?.text === body) throw new DomainError('conflict', t.errors.unchangedRules, 'text');
    const at = nowIso(ctx);
    instance.rulesVersions = [...(instance.rulesVersions ?? []), { id: newId('rgl'), savedAt: at, text: body }];
    instance.updatedAt = at;
    return instance;
  });
}


/** Records the year's bilan d'application de la charte (one per year: recording it again replaces it). */
export async function saveCharterReview(ctx: ServiceContext, input: CharterReviewInput): Promise<Instance> {
  if (Math.abs(Number(input.reviewedOn.slice(0, 4)) - input.year) > 1) throw new DomainError('invalid_input', t.errors.reviewYear, 'year');
  return ctx.store.update((data) => {
    const instance = governed(getInstance(data, input.instanceId));
    if (input.meetingId && !data.meetings.some((m) => m.id === input.meetingId && m.instanceId === instance.id)) {
      throw new DomainError('invalid_input', t.errors.reviewMeeting, 'meetingId');
    }
    const at = nowIso(ctx);
    const review: CharterReview = {
      id: newId('bch'),
      year: input.year,
      reviewedOn: input.reviewedOn,
      summary: input.summary.trim(),
      createdAt: at,
      ...(input.meetingId ? { meetingId: input.meetingId } : {}),
    };
    const others = (instance.charterReviews ?? []).filter((r) => r.year !== input.year);
    instance.charterReviews = [...others, review].sort((a, b) => a.year - b.year);
    instance.updatedAt = at;
    return instance;
  });
}

export async function deleteCharterReview(ctx: ServiceContext, instanceId: string, reviewId: string): Promise<Deleted> {
  return ctx.store.update((data) => {
    const instance = getInstance(data, instanceId);
    const found = (instance.charterReviews ?? []).find((r) => r.id === reviewId);
    if (!found) throw new DomainError('not_found', t.errors.reviewNotFound);
    const review = detach(found);
    instance.charterReviews = (instance.charterReviews ?? []).filter((r) => r.id !== reviewId);
    instance.updatedAt = nowIso(ctx);
    const label = t.ui.reviewDeleted(review.year);
    const undoToken = ctx.trash.push(label, (d) => {
      const i = d.instances.find((x) => x.id === instanceId);
      if (i && !(i.charterReviews ?? []).some((r) => r.year === review.year)) i.charterReviews = [...(i.charterReviews ?? []), review].sort((a, b) => a.year - b.year);
    });
    return { undoToken, label };
  });
}

/**
 * One reminder per confidential group whose yearly bilan d'application de la charte is due within 30 days or
 * late. The charter itself is signed once: signatures never expire.
 */
export function charterReviewReminders(ctx: ServiceContext, date: string = today(ctx)): Reminder[] {
  const out: Reminder[] = [];
  for (const instance of ctx.store.data.instances) {
    if (instance.status !== 'active' || !charterApplies(instance)) continue;
    const due = charterReviewDue(instance);
    if (date < addDays(due, -30)) continue;
    const last = lastCharterReview(instance);
    out.push({
      id: `charter-review:${instance.id}`,
      kind: 'other',
      severity: date > due ? 'medium' : 'low',
      title: t.reminders.reviewDue(instance.name),
      detail: last ? t.reminders.reviewLast(formatDate(last.reviewedOn)) : t.reminders.reviewNone,
      link: { screen: 'instance', id: instance.id },
      date: due,
    });
  }
  return out;
}
