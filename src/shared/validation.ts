// Zod set up with French messages, and conversion of validation issues into one French sentence.
import { z } from 'zod';
import { fr as zodFr } from 'zod/locales';
import { EMAIL_RE } from './text';

z.config(zodFr());

/** Turns zod issues into a short French explanation naming the first problem's field path. */
export function describeIssues(error: z.ZodError, labels: Record<string, string> = {}): { message: string; field?: string } {
  const issue = error.issues[0];
  if (!issue) return { message: 'Les informations saisies ne sont pas valides.' };
  const path = issue.path.map(String).join('.');
  const last = issue.path.length ? String(issue.path[issue.path.length - 1]) : '';
  const label = labels[path] ?? labels[last];
  const where = label ? `« ${label} » : ` : path ? `${path} : ` : '';
  const more = error.issues.length > 1 ? ` (et ${error.issues.length - 1} autre(s) problème(s))` : '';
  return { message: `${where}${issue.message}${more}`, field: path || undefined };
}

/** An e-mail address as the directory and its imports accept it: one @, a dot in the domain, no space. */
export { EMAIL_RE };

/** IPC input: an optional e-mail address (empty allowed, to clear it). */
export function optionalEmailInput() {
  return z
    .string()
    .trim()
    .max(300)
    .refine((v) => v === '' || EMAIL_RE.test(v), { message: 'L’adresse électronique n’est pas valide. Exemple : prenom.nom@ville.fr' })
    .optional();
}

/** `AAAA-MM-JJ`, the stored form of every date. */
export const ISO_DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/** A date `AAAA-MM-JJ` that exists on the calendar (no 31 février). */
export function isCalendarDate(s: string): boolean {
  if (!ISO_DATE_RE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** IPC input: a real calendar date `AAAA-MM-JJ`, with the French message given. */
export function isoDateInput(message = 'La date n’est pas valide (AAAA-MM-JJ attendu).') {
  return z.string({ error: message }).max(10, message).refine(isCalendarDate, message);
}

export { z };
