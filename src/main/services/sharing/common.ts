// Shared helpers of the sharing services: confidentiality rules, cell neutralisation, names and lookups.
import { sharingServices as ts } from '../../../shared/i18n/sharing-services';
import type { Action, Datastore, Instance, Meeting } from '../../../shared/model';
import { sharing } from '../../../shared/i18n/sharing';
import { DomainError } from '../../../shared/result';
import { foldWords, personLabel, stripAccents } from '../../../shared/text';
import { actionLevel, meetingLevel } from '../../documents/confidentiality';

export const CONFIDENTIAL_BANNER = sharing.confidentialBanner;

/** Options every shared export accepts. */
export interface ShareOptions {
  /** Explicit choice to include confidential instances, meetings and their decisions. */
  includeConfidential?: boolean;
}

// The levels themselves are decided in one place for documents and shared files: documents/confidentiality.ts.
export function isConfidentialInstance(inst: Instance | undefined): boolean {
  return inst?.confidentiality === 'confidential';
}

/** A meeting is confidential if it says so or if its instance is. */
export function isConfidentialMeeting(m: Meeting, instances: Map<string, Instance>): boolean {
  return meetingLevel(instances, m) === 'confidential';
}

/** An action followed by a confidential instance belongs to that instance's confidential work. */
export function isConfidentialAction(a: Action, instances: Map<string, Instance>): boolean {
  return actionLevel(instances, a) === 'confidential';
}

/**
 * The records a shared export may hold: confidential ones only on the explicit choice (the file is then marked),
 * otherwise left out and counted.
 */
export function shareable<T>(list: readonly T[], isConfidential: (x: T) => boolean, opts: ShareOptions): { kept: T[]; excluded: number; confidential: boolean } {
  let excluded = 0;
  let confidential = false;
  const kept = list.filter((x) => {
    if (!isConfidential(x)) return true;
    if (opts.includeConfidential) return (confidential = true);
    excluded++;
    return false;
  });
  return { kept, excluded, confidential };
}

export function instanceMap(d: Datastore): Map<string, Instance> {
  return new Map(d.instances.map((i) => [i.id, i]));
}

/** Text that a spreadsheet would read as a formula (or that hides one) starts with one of these. */
const INJECTION_START = /^[=+\-@\t\r]/;

/** Neutralises formula injection: a leading = + - @ tab or CR is prefixed with a quote. */
export function neutralise(text: string): string {
  return INJECTION_START.test(text) ? `'${text}` : text;
}

/** Undoes `neutralise` when reading back one of our own files. */
export function unneutralise(text: string): string {
  return /^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}

/** `2026-11-26` from a Date in local time (file names, journal). */
export function stampDate(now: Date): string {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/** Lower-case ASCII slug for file names. */
export function slug(s: string): string {
  return stripAccents(s)
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase()
    .slice(0, 60);
}

/** Suggested file name; a confidential file carries « CONFIDENTIEL » in its name. */
export function suggestedName(base: string, ext: string, now: Date, confidential: boolean): string {
  return `${confidential ? `${sharing.confidentialFileTag}-` : ''}${base}-${stampDate(now)}.${ext}`;
}

export function requireMeeting(d: Datastore, id: string): Meeting {
  const m = d.meetings.find((x) => x.id === id);
  if (!m) throw new DomainError('not_found', ts.meetingNotFound);
  return m;
}

export function requireInstance(d: Datastore, id: string): Instance {
  const i = d.instances.find((x) => x.id === id);
  if (!i) throw new DomainError('not_found', ts.instanceNotFound);
  return i;
}

/** Refuses a shared export of confidential content without the explicit choice. */
export function assertMayShare(confidential: boolean, opts: ShareOptions, what: string): void {
  if (confidential && !opts.includeConfidential) {
    throw new DomainError('forbidden', ts.mustChooseConfidential(what));
  }
}

/** First and last name, without civility. */
export function personName(p: { civility?: string; firstName?: string; lastName: string }): string {
  return personLabel(p, { civility: false });
}

/** Lower-cases and strips accents, white space folded (see shared/text.ts). */
export const fold = foldWords;
