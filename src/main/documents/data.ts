// Read-only lookups over a datastore snapshot shared by the documents: names, protocol order, confidentiality, file names.
import { type Confidentiality, type Datastore, type Invitee, type Meeting, type Organisation, type Person } from '../../shared/model';
import type { RegisterStats } from '../../shared/contract/register';
import { DomainError } from '../../shared/result';
import { documents as t } from '../../shared/i18n/documents';
import { stricter } from './confidentiality';
import { confidentialityBasis, type ConfidentialityBasis } from '../../shared/instance-rules';
import { personLabel, stripAccents } from '../../shared/text';

/** What every document generator returns. */
export interface GeneratedDocument {
  bytes: Buffer;
  pages: number;
  title: string;
  /** File name proposed in « Enregistrer sous… » (no folder). */
  suggestedName: string;
  warnings: string[];
}

export interface RenderOptions {
  /** Generation time (footer, metadata, « today » for health and memberships). */
  now?: Date;
  /** Reports progress between 0 and 1 for long documents. */
  onProgress?: (fraction: number) => void;
  /**
   * Counts of the register of situations for the bilan annuel (tableau de bord), given only when the coordinator
   * opted in and the protected store is open: counts, never content.
   */
  registerStats?: RegisterStats;
}

export function personName(p: Pick<Person, 'civility' | 'firstName' | 'lastName'>, withCivility = true): string {
  return personLabel(p, { civility: withCivility });
}

/** Indexes of a datastore snapshot. */
export class Lookup {
  readonly orgs: Map<string, Organisation>;
  readonly people: Map<string, Person>;
  private readonly rank: Map<string, number>;

  constructor(readonly data: Datastore) {
    this.orgs = new Map(data.organisations.map((o) => [o.id, o]));
    this.people = new Map(data.people.map((p) => [p.id, p]));
    this.rank = new Map(data.categories.map((c) => [c.id, c.protocolRank]));
  }

  orgName(id: string | undefined): string {
    if (!id) return '';
    const o = this.orgs.get(id);
    return o ? o.name : '';
  }

  orgShort(id: string | undefined): string {
    if (!id) return '';
    const o = this.orgs.get(id);
    return o ? o.shortName || o.name : '';
  }

  meeting(id: string): Meeting {
    const m = this.data.meetings.find((x) => x.id === id);
    if (!m) throw new DomainError('not_found', t.errors.meetingNotFound(id));
    return m;
  }

  instanceName(id: string | undefined): string {
    return this.data.instances.find((i) => i.id === id)?.name ?? '';
  }

  /** Confidentiality of a meeting's documents: the stricter of the meeting's and its instance's levels. */
  meetingConfidentiality(m: Meeting): Confidentiality {
    return stricter(m.confidentiality, this.data.instances.find((i) => i.id === m.instanceId)?.confidentiality ?? 'public');
  }

  /** The legal text a meeting's confidential marks cite (L132-5 only for L132-5 groups, L141-1 CASF for a CDDF). */
  meetingBasis(m: Meeting): ConfidentialityBasis {
    const instance = this.data.instances.find((i) => i.id === m.instanceId);
    return instance ? confidentialityBasis({ kind: instance.kind, confidentiality: this.meetingConfidentiality(m) }) : 'none';
  }

  /** Who an invitee is, for lists: name, job title, institution (guests included). */
  invitee(inv: Invitee): { name: string; civility: string; job: string; organisation: string; organisationId?: string } {
    const p = inv.personId ? this.people.get(inv.personId) : undefined;
    const orgId = inv.organisationId ?? p?.organisationId;
    return {
      name: p ? personName(p) : inv.guestName || (orgId ? '' : t.common.guest),
      civility: p?.civility ?? '',
      job: p?.jobTitle ?? inv.guestJobTitle ?? '',
      organisation: orgId ? this.orgName(orgId) : (inv.guestOrganisation ?? ''),
      organisationId: orgId,
    };
  }

  /** Protocol order: préfet, then procureur, then institutions by category rank, heads of office first. */
  protocolKey(orgId: string | undefined, jobTitle: string | undefined, name: string): [number, number, string, string] {
    const org = orgId ? this.orgs.get(orgId) : undefined;
    const rank = org ? (this.rank.get(org.categoryId) ?? 9_000) : 10_000;
    return [rank, titleRank(jobTitle ?? ''), (org?.name ?? '').toLocaleLowerCase('fr'), name.toLocaleLowerCase('fr')];
  }

  sortByProtocol<T>(items: T[], key: (x: T) => { orgId?: string; job?: string; name: string }): T[] {
    const keyed = items.map((x) => {
      const k = key(x);
      return { x, k: this.protocolKey(k.orgId, k.job, k.name) };
    });
    keyed.sort((a, b) => a.k[0] - b.k[0] || a.k[1] - b.k[1] || a.k[2].localeCompare(b.k[2], 'fr') || a.k[3].localeCompare(b.k[3], 'fr'));
    return keyed.map((e) => e.x);
  }
}

/** Heads of office come first within their institution (préfet before sous-préfet, procureur before substitut). */
function titleRank(job: string): number {
  const j = job.toLocaleLowerCase('fr');
  if (/^(le |la )?(préfet|préfète)\b/.test(j)) return 0;
  if (/procureur|procureure/.test(j) && !/substitut|adjoint/.test(j)) return 1;
  if (/^(le |la )?(maire|président|présidente|directeur|directrice|commissaire|commandant|chef|cheffe|principal|principale|proviseur)/.test(j)) return 2;
  if (/sous-préf/.test(j)) return 3;
  if (/adjoint|adjointe|substitut|délégué|déléguée/.test(j)) return 4;
  return 5;
}

/** A file name safe on Windows, macOS and Linux: ASCII letters, digits and dashes. */
export function safeFileName(...parts: string[]): string {
  const base = stripAccents(parts.filter(Boolean).join(' '))
    .replace(/[’']/g, ' ')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 90)
    .replace(/-+$/g, '');
  return `${base || 'document'}.pdf`;
}

/** Formats minutes as « 1 h 30 » or « 45 min ». */
export function formatDuration(min: number): string {
  if (min < 60) return t.common.minutes(min);
  return t.common.hours(Math.floor(min / 60), min % 60);
}

/** Lets the main process answer other requests (note autosave…) between the sections of a long document. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
