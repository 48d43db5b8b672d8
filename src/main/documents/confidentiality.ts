// Confidentiality rules shared by every document: level of an instance, a meeting, an action; what a document leaves out and the level it then carries.
import { confidentialityBasis, type ConfidentialityBasis } from '../../shared/instance-rules';
import { type Action, CONFIDENTIALITY_RANK, type Confidentiality, type Datastore, type Instance, type Meeting } from '../../shared/model';

/** The stricter of two levels. */
export function stricter(a: Confidentiality, b: Confidentiality): Confidentiality {
  return CONFIDENTIALITY_RANK[a] >= CONFIDENTIALITY_RANK[b] ? a : b;
}

/** The level a document carries: the strictest level of what it contains (public when it contains nothing marked). */
export function documentLevel(levels: Iterable<Confidentiality>): Confidentiality {
  let level: Confidentiality = 'public';
  for (const l of levels) level = stricter(level, l);
  return level;
}

/** Level of an instance (public when unknown). */
export function instanceLevel(instances: ReadonlyMap<string, Instance>, id: string | undefined): Confidentiality {
  return (id ? instances.get(id)?.confidentiality : undefined) ?? 'public';
}

/** Level of a meeting: the stricter of the meeting's own level and its instance's. */
export function meetingLevel(instances: ReadonlyMap<string, Instance>, m: Meeting): Confidentiality {
  return stricter(m.confidentiality, instanceLevel(instances, m.instanceId));
}

/**
 * Level of an action: confidential when a confidential instance follows it (that cellule's work)
 * or when it was decided in a confidential meeting (its title is then the decision's text);
 * otherwise public, since the plan d'actions is adopted in plenary even when the formation restreinte steers it.
 */
export function actionLevel(instances: ReadonlyMap<string, Instance>, a: Action): Confidentiality {
  if (a.confidentiality === 'confidential') return 'confidential';
  return instanceLevel(instances, a.followingInstanceId) === 'confidential' ? 'confidential' : 'public';
}

/**
 * Decides, for one document, what may be printed: confidential content only on the explicit choice
 * `includeConfidential`; keeps the levels of everything printed so the document carries the right marks,
 * and counts what was left out so the document can say so.
 */
export class ConfidentialityFilter {
  readonly instances: ReadonlyMap<string, Instance>;
  readonly leftOut = { actions: 0, meetings: 0, instances: 0 };
  private readonly kept = new Set<Confidentiality>();

  constructor(
    data: Pick<Datastore, 'instances'>,
    readonly includeConfidential = false,
  ) {
    this.instances = new Map(data.instances.map((i) => [i.id, i]));
  }

  /** Whether content of this level may be printed. */
  allows(level: Confidentiality): boolean {
    return level !== 'confidential' || this.includeConfidential;
  }

  /** Records that content of this level is printed (raises the document's level). */
  include(level: Confidentiality): void {
    this.kept.add(level);
  }

  actionLevel(a: Action): Confidentiality {
    return actionLevel(this.instances, a);
  }

  meetingLevel(m: Meeting): Confidentiality {
    return meetingLevel(this.instances, m);
  }

  /** The actions the document may print; the others are counted as left out. */
  actions(list: Action[]): Action[] {
    return this.keep(list, (a) => this.actionLevel(a), 'actions');
  }

  /**
   * The meetings whose dates and attendance figures the document may print; the others are counted as left out.
   * Figures about restricted meetings are not restricted content: only confidential ones raise the level.
   */
  meetings(list: Meeting[]): Meeting[] {
    return this.keep(list, (m) => (this.meetingLevel(m) === 'confidential' ? 'confidential' : 'public'), 'meetings');
  }

  /** The instances whose content the document may print; the others are counted as left out. */
  instanceList(list: Instance[]): Instance[] {
    return this.keep(list, (i) => i.confidentiality, 'instances');
  }

  /**
   * The legal text a confidential banner cites for a document gathering several instances: L132-5 when every
   * confidential instance is an L132-5 group, L141-1 CASF when every one is a CDDF, otherwise none.
   */
  get basis(): ConfidentialityBasis {
    const bases = new Set([...this.instances.values()].filter((i) => i.confidentiality === 'confidential').map((i) => confidentialityBasis(i)));
    return bases.size === 1 ? [...bases][0] : 'none';
  }

  /** The level the document carries, from everything kept so far. */
  get level(): Confidentiality {
    return documentLevel(this.kept);
  }

  private keep<T>(list: T[], levelOf: (x: T) => Confidentiality, counter: keyof ConfidentialityFilter['leftOut']): T[] {
    const out: T[] = [];
    for (const x of list) {
      const level = levelOf(x);
      if (!this.allows(level)) {
        this.leftOut[counter]++;
        continue;
      }
      this.kept.add(level);
      out.push(x);
    }
    return out;
  }
}
