// The contract's basic fields (ids, dates, times, texts, e-mail, amounts…), each defined once with one French message.
// Stored-data schemas (model.ts) use the lenient stored forms; channel inputs use the input forms (trimmed, real dates).
import { z } from './validation';
import { fields as m } from './i18n/fields';
import { EMAIL_RE } from './text';

export { EMAIL_RE };

/** `AAAA-MM-JJ`, the stored form of every date. */
export const ISO_DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
/** `HH:MM`, 24-hour clock. */
export const CLOCK_RE = /^([01]\d|2[0-3]):[0-5]\d$/;
/** Code of a closed-list value: lower-case letters, digits and underscores. */
export const LIST_CODE_RE = /^[a-z0-9_]{1,40}$/;
export const SHORT_TEXT_MAX = 300;
export const LONG_TEXT_MAX = 200_000;

/** A date `AAAA-MM-JJ` that exists on the calendar (no 31 février). */
export function isCalendarDate(s: string): boolean {
  if (!ISO_DATE_RE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** A span whose end is before its start (both dates `AAAA-MM-JJ`): the rule the forms and the services share. */
export function endsBeforeStart(start: string | undefined, end: string | undefined): boolean {
  return !!start && !!end && ISO_DATE_RE.test(start) && ISO_DATE_RE.test(end) && end < start;
}

// ---------- stored and input alike ----------
/** Identifier of a record (stored, and sent back by the screens). */
export const Id = z.string({ error: m.id }).min(1, m.id).max(64, m.id);
/** Clock time `HH:MM`. */
export const ClockTime = z.string({ error: m.time }).regex(CLOCK_RE, m.time);
/** Code of a closed-list value. */
export const ListCode = z.string({ error: m.listCode }).regex(LIST_CODE_RE, m.listCode);
/** Colour `#RRGGBB`. */
export const Colour = z.string({ error: m.colour }).regex(/^#[0-9a-fA-F]{6}$/, m.colour);
/** A year of a strategy period, a bilan, statistics. */
export const Year = z.number({ error: m.year }).int(m.year).min(2000, m.year).max(2100, m.year);

// ---------- stored forms (lenient: every file accepted before is still accepted) ----------
/** Calendar date as stored, `AAAA-MM-JJ` (the shape only: older files may hold dates no calendar has). */
export const IsoDate = z.string({ error: m.date }).regex(ISO_DATE_RE, m.date);
/** Timestamp, ISO 8601 with time. */
export const IsoDateTime = z.string({ error: m.dateTime }).min(10, m.dateTime).max(40, m.dateTime);
/** Text of one line as stored (not trimmed). */
export const ShortText = z.string().max(SHORT_TEXT_MAX, m.tooLong(SHORT_TEXT_MAX));
/** Required text of one line as stored (a title, a name). */
export const RequiredShortText = ShortText.min(1, m.required);
/** Free text kept as typed, not trimmed (notes, règlements, bilans): at most `max` characters. */
export const longText = (max = LONG_TEXT_MAX) => z.string().max(max, m.tooLong(max));
/** Free text as stored (notes, descriptions). */
export const LongText = longText();

// ---------- input forms (what a screen, the CLI or the server sends) ----------
/** Text typed by the user: trimmed, at most `max` characters. */
export const text = (max = SHORT_TEXT_MAX) => z.string().trim().max(max, m.tooLong(max));
/** Optional typed text. */
export const optText = (max = SHORT_TEXT_MAX) => text(max).optional();
/**
 * Required typed text (a title, a name). `missing` names what to fill in when the channel's wording is more
 * precise than « Ce champ est obligatoire » (« Indiquez le nom de la structure. »).
 */
export const requiredText = (missing: string = m.required, max = SHORT_TEXT_MAX) => z.string({ error: missing }).trim().min(1, missing).max(max, m.tooLong(max));
/** A real calendar date `AAAA-MM-JJ` (the screens' date fields send it in that form). */
export const CalendarDate = z.string({ error: m.date }).max(10, m.date).refine(isCalendarDate, m.date);
/** A required date with a precise wording when it is left empty. */
export const requiredDate = (missing: string) => z.string({ error: missing }).min(1, missing).max(10, m.date).refine((v) => v === '' || isCalendarDate(v), m.date);
/** Optional date where '' means « effacer ». */
export const ClearableDate = z.union([z.literal(''), CalendarDate], { error: m.date }).optional();
/** Optional id where '' means « aucun ». */
export const ClearableId = z.union([z.literal(''), Id], { error: m.id }).optional();
/** Optional clock time where '' means « effacer ». */
export const ClearableTime = z.union([z.literal(''), ClockTime], { error: m.time }).optional();
/** Optional e-mail address (empty allowed, to clear it). */
export const EmailInput = z
  .string()
  .trim()
  .max(SHORT_TEXT_MAX, m.email)
  .refine((v) => v === '' || EMAIL_RE.test(v), m.email)
  .optional();
/** A sum of money in euros, bounded so that a typing slip cannot store an absurd figure. */
export const Amount = z.number({ error: m.amount }).finite(m.amount).min(0, m.amount).max(1_000_000_000, m.amount);
/** Progress of an action, a percentage. */
export const Progress = z.number({ error: m.progress }).finite(m.progress).min(0, m.progress).max(100, m.progress);
/** Any measured figure (counts, rates, amounts): finite and bounded; `message` names the figure when the channel can. */
export const measure = (message: string = m.number) => z.number({ error: message }).finite(message).min(-1e12, message).max(1e12, message);
