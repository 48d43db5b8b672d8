// Zod set up with French messages, and conversion of validation issues into French sentences (one, or one per field).
import { z } from 'zod';
import { fr as zodFr } from 'zod/locales';

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

/**
 * Every field's problem, for a form: the dotted path of each field (`title`, `pilot.organisationId`,
 * `partners.0.organisationId`) → the first French message about it. Problems of the whole object go under `''`.
 */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.');
    if (!(path in out)) out[path] = issue.message;
  }
  return out;
}

export { z };
