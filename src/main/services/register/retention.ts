// Retention engine: what is due (archive, destroy) for situations and confidential meeting texts, applying it, postponing with a reason.
import type { PlannedPurge, RetentionReport } from '../../../shared/contract/register';
import { formatDate } from '../../../shared/format';
import { newId } from '../../../shared/ids';
import { register as t } from '../../../shared/i18n/register';
import type { Datastore, Meeting, PurgeEntry, PurgeKind } from '../../../shared/model';
import type { ProtectedData } from '../../../shared/protected-model';
import { registerSettingsOf } from '../../../shared/register-defaults';
import { MAX_POSTPONE_DAYS, PURGE_NOTICE_DAYS, addDays, meetingTextsDestroyDate, situationNextStep } from '../../../shared/register-model';
import { DomainError } from '../../../shared/result';
import type { Store } from '../../store/store';
import { purgeProtected } from '../../vault/purge';
import { Vault } from '../../vault/vault';
import { nowIso, type ServiceContext } from '../context';
import { currentUser, logAccess, readIfUnlocked, requireVault, todayOf } from './common';

/**
 * A meeting whose notes or decision texts are still in clspd.json (before the move to the protected store). A
 * decision of a confidential meeting whose text lives in the coffre has an empty text here: not a plain text.
 */
function hasPlainTexts(m: Meeting): boolean {
  return m.generalNotes.trim() !== '' || m.agenda.some((i) => i.notes.trim() !== '') || m.decisions.some((d) => d.text !== '' && d.text !== t.purgedText);
}

function latestPostponement(p: ProtectedData | undefined, kind: PlannedPurge['kind'], id: string): string | undefined {
  let until: string | undefined;
  for (const x of p?.postponements ?? []) if (x.kind === kind && x.targetId === id && (!until || x.until > until)) until = x.until;
  return until;
}

/**
 * Every retention step planned up to `horizon`, with the postponements applied (never past the 25-year limit).
 * With the coffre unlocked (`p`), a confidential meeting past its date (`asOf`) with no texts left anywhere but
 * no `textsPurgedAt` is due too: its texts were purged but the mark was lost (clspd.json write failed after
 * the coffre purge), and applying marks it — retention is idempotent.
 */
function planned(data: Datastore, p: ProtectedData | undefined, horizon: string, asOf: string): PlannedPurge[] {
  const out: PlannedPurge[] = [];
  for (const s of p?.situations ?? []) {
    const next = situationNextStep(s);
    if (!next) continue;
    const canPostpone = next.rule !== 'age_25';
    const postponed = canPostpone ? latestPostponement(p, 'situation', s.id) : undefined;
    const date = postponed && postponed > next.date ? postponed : next.date;
    if (date > horizon) continue;
    out.push({
      kind: 'situation',
      targetId: s.id,
      label: t.reminders.situation(s.reference),
      step: next.step,
      rule: next.rule,
      date,
      ...(postponed && postponed > next.date ? { postponedUntil: postponed } : {}),
      canPostpone,
    });
  }
  const years = registerSettingsOf(data).meetingTextsYears;
  const inVault = new Map((p?.meetingTexts ?? []).map((x) => [x.meetingId, x.meetingDate]));
  for (const m of data.meetings) {
    if (m.confidentiality !== 'confidential') continue;
    const held = inVault.delete(m.id);
    const plan = meetingPlan(p, m.id, t.reminders.meetingTexts(`${m.title} du ${formatDate(m.date)}`), meetingTextsDestroyDate(m.date, years));
    if (!held && m.textsPurgedAt !== undefined) continue;
    const markOnly = !held && !hasPlainTexts(m);
    if (markOnly && (p === undefined || plan.date > asOf)) continue;
    out.push(plan);
  }
  // Texts whose meeting is no longer in clspd.json (deleted or archived with its period).
  for (const [meetingId, date] of inVault) out.push(meetingPlan(p, meetingId, t.reminders.meetingTexts(formatDate(date)), meetingTextsDestroyDate(date, years)));
  return out.filter((x) => x.date <= horizon).sort((a, b) => a.date.localeCompare(b.date) || a.label.localeCompare(b.label, 'fr'));
}

function meetingPlan(p: ProtectedData | undefined, meetingId: string, label: string, base: string): PlannedPurge {
  const postponed = latestPostponement(p, 'meeting_texts', meetingId);
  const date = postponed && postponed > base ? postponed : base;
  return { kind: 'meeting_texts', targetId: meetingId, label, step: 'destroy', rule: 'meeting_texts', date, ...(date !== base ? { postponedUntil: date } : {}), canPostpone: true };
}

/** What retention would do on `asOf` (nothing is written). */
export function planRetention(ctx: ServiceContext, asOf = todayOf(ctx)): RetentionReport {
  const p = readIfUnlocked(ctx);
  const all = planned(ctx.store.data, p, addDays(asOf, PURGE_NOTICE_DAYS), asOf);
  const due = all.filter((x) => x.date <= asOf);
  return {
    asOf,
    applied: false,
    due,
    upcoming: all.filter((x) => x.date > asOf),
    counts: {
      archived: due.filter((x) => x.kind === 'situation' && x.step === 'archive').length,
      situations: due.filter((x) => x.kind === 'situation' && x.step === 'destroy').length,
      meetingTexts: due.filter((x) => x.kind === 'meeting_texts').length,
    },
    situationsChecked: p !== undefined,
  };
}

/**
 * Applies what is due on `asOf`: archives closed situations, destroys expired ones and the expired texts of
 * confidential meetings, and writes the registre des purges (kind, count, rule — never content).
 */
export async function applyRetention(ctx: ServiceContext, asOf = todayOf(ctx)): Promise<RetentionReport> {
  const report = planRetention(ctx, asOf);
  if (!report.due.length) return { ...report, applied: true };
  const at = nowIso(ctx);
  const byKey = new Map<string, PurgeEntry>();
  const count = (kind: PurgeKind, rule: string, n = 1) => {
    const key = `${kind}|${rule}`;
    const e = byKey.get(key) ?? { id: newId('prg'), at, kind, count: 0, rule };
    e.count += n;
    byKey.set(key, e);
  };
  const destroy = new Set(report.due.filter((x) => x.kind === 'situation' && x.step === 'destroy').map((x) => x.targetId));
  const archive = new Set(report.due.filter((x) => x.kind === 'situation' && x.step === 'archive').map((x) => x.targetId));
  const texts = new Set(report.due.filter((x) => x.kind === 'meeting_texts').map((x) => x.targetId));
  const vault = report.situationsChecked ? ctx.vault : undefined;
  const current = vault?.read();
  const refs = new Set((current?.situations ?? []).filter((s) => destroy.has(s.id)).map((s) => s.reference));
  for (const s of current?.situations ?? []) {
    if (!destroy.has(s.id)) continue;
    const rule = report.due.find((x) => x.targetId === s.id)?.rule ?? 'retention';
    count(s.status === 'archived' ? 'situation_archived' : 'situation', rule);
  }
  const links = (current?.correspondence ?? []).filter((c) => refs.has(c.reference)).length;
  if (links) count('correspondence', 'retention', links);
  if (texts.size) count('meeting_texts', 'meeting_texts', texts.size);
  const entries = [...byKey.values()];
  // The clspd.json side (marks and registre des purges), written after the coffre's purge as one change.
  const mark = (data: Datastore) => {
    for (const m of data.meetings) {
      if (!texts.has(m.id)) continue;
      m.generalNotes = '';
      for (const i of m.agenda) i.notes = '';
      for (const d of m.decisions) {
        d.text = t.purgedText;
        delete d.followUpComment;
      }
      m.textsPurgedAt = asOf;
      m.updatedAt = at;
    }
    data.purgeLog.push(...entries.map((e) => ({ ...e })));
  };
  // Checked first on a throwaway draft: a refusal there purges nothing in the coffre.
  const checker = ctx.store as Partial<Pick<Store, 'check'>>;
  if (typeof checker.check === 'function') checker.check(mark);
  if (vault) {
    if (archive.size) {
      await vault.update((draft) => {
        for (const s of draft.situations) {
          if (!archive.has(s.id) || destroy.has(s.id)) continue;
          s.status = 'archived';
          s.archivedAt = asOf;
          s.updatedAt = at;
          logAccess(ctx, draft, 'archive', s.reference, t.rules.archive);
        }
      });
    }
    // Deterministic removal, applied by the vault's purge primitive to the live file and every copy in backups/.
    const remove = (draft: ProtectedData) => {
      draft.situations = draft.situations.filter((s) => !destroy.has(s.id));
      draft.correspondence = draft.correspondence.filter((c) => !refs.has(c.reference));
      draft.meetingTexts = draft.meetingTexts.filter((m) => !texts.has(m.meetingId));
      draft.postponements = draft.postponements.filter((x) => !destroy.has(x.targetId) && !texts.has(x.targetId));
    };
    if (destroy.size || texts.size) {
      if (vault instanceof Vault) await purgeProtected(vault, remove);
      else await vault.update(remove);
    }
  }
  // Should this write fail after the purge, the meetings left without their mark are due again at the next run
  // (no texts anywhere, past their date, no textsPurgedAt) and get it then.
  await ctx.store.update(mark);
  return { ...report, applied: true };
}

/** Postpones one planned purge, with a reason written to the journal des accès (never past the 25-year limit). */
export async function postponePurge(ctx: ServiceContext, input: { kind: PlannedPurge['kind']; targetId: string; until: string; reason: string }): Promise<PlannedPurge> {
  const vault = requireVault(ctx);
  const today = todayOf(ctx);
  const item = planned(ctx.store.data, vault.read(), addDays(today, PURGE_NOTICE_DAYS), today).find((x) => x.kind === input.kind && x.targetId === input.targetId);
  if (!item) throw new DomainError('not_found', t.errors.postponeUnknown);
  if (!item.canPostpone) throw new DomainError('forbidden', t.errors.postponeBeyondAge);
  const reason = input.reason.trim();
  if (!reason) throw new DomainError('invalid_input', t.errors.postponeReasonRequired, 'reason');
  if (input.until <= item.date) throw new DomainError('invalid_input', t.errors.postponeNotLater, 'until');
  if (input.until > addDays(today, MAX_POSTPONE_DAYS)) throw new DomainError('invalid_input', t.errors.postponeTooFar(MAX_POSTPONE_DAYS), 'until');
  const situation = vault.read().situations.find((s) => s.id === input.targetId);
  if (situation?.legalEndDate && input.until >= situation.legalEndDate) throw new DomainError('forbidden', t.errors.postponeBeyondAge, 'until');
  await vault.update((draft) => {
    draft.postponements.push({ id: newId('pst'), at: nowIso(ctx), user: currentUser().slice(0, 300), kind: input.kind, targetId: input.targetId, until: input.until, reason });
    logAccess(ctx, draft, 'postpone', situation?.reference, reason);
  });
  return { ...item, date: input.until, postponedUntil: input.until };
}
