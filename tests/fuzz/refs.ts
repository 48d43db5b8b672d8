// Entity references of fuzzed payloads: which kind of id a field names, and how a reference resolves against the live data.
import { followUpRows } from '../../src/main/services/meetings/live';
import type { Action, Datastore, Instance, Meeting } from '../../src/shared/model';
import { registerSettingsOf } from '../../src/shared/register-defaults';
import type { ListName } from '../../src/shared/register-model';
import { Ref, type RefHint } from './derive';

const BY_KEY: Record<string, string> = {
  categoryId: 'category',
  organisationId: 'organisation',
  organisationIds: 'organisation',
  pilotOrganisationId: 'organisation',
  responsibleOrganisationId: 'organisation',
  pilotId: 'organisation',
  partnerId: 'organisation',
  expectedPilotId: 'organisation',
  personId: 'person',
  personIds: 'person',
  representedByPersonId: 'person',
  instanceId: 'instance',
  followingInstanceId: 'instance',
  titularMembershipId: 'membership',
  meetingId: 'meeting',
  agendaItemId: 'agendaItem',
  afterId: 'agendaItem',
  order: 'agendaItem',
  linkedActionIds: 'action',
  carryOverActionIds: 'action',
  actionId: 'action',
  axisId: 'axis',
  objectiveId: 'objective',
  periodId: 'period',
  inviteeId: 'invitee',
  decisionId: 'decision',
  milestoneId: 'milestone',
  fundingId: 'funding',
  attachmentId: 'attachment',
  indicatorId: 'indicator',
  measurementId: 'measurement',
  undoToken: 'undoToken',
  acceptedLineIds: 'importLine',
  instanceIds: 'instance',
  referentOrganisationId: 'organisation',
  targetId: 'purgeTarget',
  origin: 'code:origins',
  orientations: 'code:orientations',
  closureReason: 'code:closureReasons',
  reviewId: 'charterReview',
  versionId: 'rulesVersion',
  recoveryKey: 'recoveryKey',
};

/** The coffre's passphrase fields draw the world's current passphrase; the confirmation repeats its sibling. */
const VAULT_KEYS: Record<string, string> = { passphrase: 'passphrase', current: 'passphrase', newPassphrase: 'passphrase', confirmation: 'confirmation' };

const DOMAIN_ID: Record<string, string> = {
  partners: 'organisation',
  people: 'person',
  instances: 'instance',
  memberships: 'membership',
  meetings: 'meeting',
  axes: 'axis',
  objectives: 'objective',
  actions: 'action',
  strategy: 'period',
  register: 'situation',
};

/** The hint for one channel: names a field's entity kind from its key and, for a bare `id`, from the channel. */
export function hintFor(channel: string): RefHint {
  const domain = channel.split(':')[0]!;
  return (path) => {
    if (path[path.length - 1] === '*') {
      const list = path[path.length - 2];
      if (channel === 'axes:reorder' && list === 'ids') return 'perm:axis';
      if (channel === 'objectives:reorder' && list === 'ids') return 'perm:objective';
      if (channel === 'meetings:reorderAgenda' && list === 'order') return 'perm:agendaItem';
      return undefined;
    }
    const keys = path.filter((k) => k !== '[]');
    const last = keys[keys.length - 1];
    if (last === undefined) return undefined;
    if (channel === 'meetings:archivedGet') return last === 'id' ? 'archivedMeeting' : last === 'periodId' ? 'archivedPeriod' : undefined;
    if (channel === 'backups:restore' && last === 'name') return 'backupName';
    if (last === 'token') return domain === 'documents' ? 'docToken' : 'importToken';
    if (domain === 'vault' && VAULT_KEYS[last]) return VAULT_KEYS[last];
    // Only confidential working groups and the CDDF may follow situations of the register.
    if (last === 'instanceIds' && domain === 'register') return 'situationInstance';
    if (last === 'reason' && channel === 'register:create') return 'code:reasons';
    if (last === 'reason' && domain === 'register') return undefined;
    if (last === 'ids') return channel === 'axes:reorder' ? 'axis' : channel === 'objectives:reorder' ? 'objective' : 'action';
    if (last === 'id') {
      if (keys.length === 1) return DOMAIN_ID[domain];
      const parent = keys[keys.length - 2];
      return parent === 'milestone' ? 'milestone' : parent === 'funding' ? 'funding' : parent === 'attachments' ? 'attachment' : undefined;
    }
    return BY_KEY[last];
  };
}

/** Values the run has seen in results (tokens, backup names, archived meetings), to be drawn by later calls. */
export class Seen {
  readonly pools = new Map<string, string[]>();
  readonly linesByToken = new Map<string, string[]>();
  readonly archived: { periodId: string; id: string }[] = [];

  add(kind: string, value: string): void {
    const pool = this.pools.get(kind) ?? [];
    if (!pool.includes(value)) pool.push(value);
    this.pools.set(kind, pool);
  }

  /** Collects what later calls may refer to from one successful result. */
  record(channel: string, value: unknown): void {
    if (value === null || typeof value !== 'object') return;
    const v = value as Record<string, unknown>;
    if (typeof v.undoToken === 'string') this.add('undoToken', v.undoToken);
    if (channel.startsWith('documents:') && typeof v.token === 'string') this.add('docToken', v.token);
    if (channel.startsWith('sharing:') && typeof v.token === 'string') {
      this.add('importToken', v.token);
      if (Array.isArray(v.lines)) this.linesByToken.set(v.token, v.lines.map((l: { id: string }) => l.id));
    }
    if (channel === 'backups:create' && typeof v.name === 'string') this.add('backupName', v.name);
    if (channel === 'vault:create' && typeof v.recoveryKey === 'string') this.add('recoveryKey', v.recoveryKey);
    if (channel === 'backups:list' && Array.isArray(value)) for (const b of value as { name: string }[]) this.add('backupName', b.name);
    if (channel === 'retention:plan' || channel === 'retention:apply') {
      const r = value as { due?: { targetId: string }[]; upcoming?: { targetId: string }[] };
      for (const p of [...(r.due ?? []), ...(r.upcoming ?? [])]) this.add('purgeTarget', p.targetId);
    }
    if (channel === 'meetings:archived' && Array.isArray(value)) {
      for (const r of value as { periodId: string; id: string }[]) if (!this.archived.some((a) => a.id === r.id)) this.archived.push({ periodId: r.periodId, id: r.id });
    }
  }
}

interface Scope {
  channel: string;
  instance?: Instance;
  meeting?: Meeting;
  action?: Action;
  axisId?: string;
  token?: string;
  periodId?: string;
  indicatorId?: string;
}

const PRIMARY = new Set(['situationInstance', 'category', 'organisation', 'person', 'instance', 'membership', 'meeting', 'action', 'axis', 'objective', 'period']);

function entityPool(data: Datastore | undefined, r: Ref): { id: string }[] {
  if (!data) return [];
  switch (r.kind) {
    case 'category':
      return data.categories;
    case 'organisation':
      return data.organisations;
    case 'person':
      return data.people;
    case 'instance':
      return data.instances;
    case 'situationInstance':
      return data.instances.filter((i) => i.kind === 'cddf' || (i.kind === 'working_group' && i.confidentiality === 'confidential'));
    case 'membership':
      return data.memberships;
    case 'meeting': {
      // Most demo meetings are validated (locked): half of the picks go to the ones still open to changes.
      const open = data.meetings.filter((m) => m.status !== 'validated');
      return r.scoped && open.length ? open : data.meetings;
    }
    case 'action':
      return data.actions;
    case 'axis':
      return data.axes;
    case 'objective':
      return data.objectives;
    case 'period':
      return data.periods;
    default:
      return [];
  }
}

/** Children by parent: [parent id, child id, middle id (the indicator of a measurement)]. */
function childLinks(data: Datastore, kind: string, channel: string): [string, string, string?][] {
  const m = data.meetings;
  const a = data.actions;
  switch (kind) {
    case 'agendaItem':
      return m.flatMap((x) => x.agenda.map((c) => [x.id, c.id] as [string, string]));
    case 'invitee':
      return m.flatMap((x) => x.invitees.map((c) => [x.id, c.id] as [string, string]));
    case 'decision':
      // The follow-up of a meeting updates decisions of the instance's earlier meetings; other channels, the meeting's own.
      if (channel === 'meetings:updateFollowUp') return m.flatMap((x) => followUpRows(data, x).map((r) => [x.id, r.decision.id] as [string, string]));
      return m.flatMap((x) => x.decisions.map((c) => [x.id, c.id] as [string, string]));
    case 'milestone':
      return a.flatMap((x) => x.milestones.map((c) => [x.id, c.id] as [string, string]));
    case 'funding':
      return a.flatMap((x) => x.funding.map((c) => [x.id, c.id] as [string, string]));
    case 'attachment':
      return a.flatMap((x) => x.attachments.map((c) => [x.id, c.id] as [string, string]));
    case 'indicator':
      return a.flatMap((x) => x.indicators.map((c) => [x.id, c.id] as [string, string]));
    case 'measurement':
      return a.flatMap((x) => x.indicators.flatMap((i) => i.measurements.map((c) => [x.id, c.id, i.id] as [string, string, string])));
    case 'charterReview':
      return data.instances.flatMap((x) => (x.charterReviews ?? []).map((c) => [x.id, c.id] as [string, string]));
    case 'rulesVersion':
      return data.instances.flatMap((x) => (x.rulesVersions ?? []).map((c) => [x.id, c.id] as [string, string]));
    default:
      return [];
  }
}

const MEETING_CHILDREN = new Set(['agendaItem', 'invitee', 'decision']);
const ACTION_CHILDREN = new Set(['milestone', 'funding', 'attachment', 'indicator', 'measurement']);
const INSTANCE_CHILDREN = new Set(['charterReview', 'rulesVersion']);

function childPool(data: Datastore | undefined, kind: string, scope: Scope, scoped: boolean, seen: Seen): string[] {
  if (MEETING_CHILDREN.has(kind) || ACTION_CHILDREN.has(kind) || INSTANCE_CHILDREN.has(kind)) {
    if (!data) return [];
    const parent = MEETING_CHILDREN.has(kind) ? scope.meeting?.id : INSTANCE_CHILDREN.has(kind) ? scope.instance?.id : scope.action?.id;
    return childLinks(data, kind, scope.channel)
      .filter(([p, , mid]) => !scoped || ((!parent || p === parent) && (kind !== 'measurement' || !scope.indicatorId || mid === scope.indicatorId)))
      .map(([, c]) => c);
  }
  switch (kind) {
    case 'situation':
      return seen.pools.get('situation') ?? [];
    case 'importLine':
      return scoped && scope.token ? (seen.linesByToken.get(scope.token) ?? []) : [...seen.linesByToken.values()].flat();
    case 'archivedPeriod':
      return [...new Set(seen.archived.map((a) => a.periodId))];
    case 'archivedMeeting':
      return seen.archived.filter((a) => !scoped || !scope.periodId || a.periodId === scope.periodId).map((a) => a.id);
    default:
      if (kind.startsWith('code:') && data) return registerSettingsOf(data)[kind.slice(5) as ListName].map((i) => i.code);
      return seen.pools.get(kind) ?? [];
  }
}

/** Every id of a list that must be complete (a reordering), shuffled by the reference's pick. */
function permutation(data: Datastore | undefined, r: Ref, scope: Scope): string[] | undefined {
  if (!data) return undefined;
  let ids: string[];
  if (r.kind === 'perm:axis') ids = data.axes.filter((a) => a.periodId === data.settings.activePeriodId).map((a) => a.id);
  else if (r.kind === 'perm:objective') ids = data.objectives.filter((o) => o.axisId === scope.axisId).map((o) => o.id);
  else if (r.kind === 'perm:agendaItem') ids = scope.meeting?.agenda.map((i) => i.id) ?? [];
  else return undefined;
  let seed = Math.floor(r.pick * 1000) + 1;
  for (let i = ids.length - 1; i > 0; i--) {
    seed = (seed * 48271) % 2147483647;
    const j = seed % (i + 1);
    [ids[i], ids[j]] = [ids[j]!, ids[i]!];
  }
  return ids;
}

function pickFrom(pool: string[], ref: Ref): string {
  return pool.length ? pool[Math.floor(ref.pick * pool.length)]! : `inconnu-${ref.kind}-${Math.round(ref.pick * 1000)}`;
}

function walk(v: unknown, f: (r: Ref) => unknown): unknown {
  if (v instanceof Ref) return f(v);
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map((x) => walk(x, f));
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) Object.defineProperty(out, k, { value: walk(x, f), enumerable: true, writable: true, configurable: true });
  return out;
}

function firstRef(v: unknown, test: (r: Ref) => boolean): Ref | undefined {
  let found: Ref | undefined;
  walk(v, (r) => {
    if (!found && test(r)) found = r;
    return r;
  });
  return found;
}

/**
 * When the payload names a child (an agenda item, a milestone…) and its parent is still a reference, the parent is chosen
 * as the owner of a real child, so that such calls get past « introuvable » often enough to test what follows.
 */
function pairParent(channel: string, payload: unknown, data: Datastore | undefined): unknown {
  if (!data || payload === null || typeof payload !== 'object' || Array.isArray(payload)) return payload;
  const top = payload as Record<string, unknown>;
  const child = firstRef(payload, (r) => r.scoped && (MEETING_CHILDREN.has(r.kind) || ACTION_CHILDREN.has(r.kind) || INSTANCE_CHILDREN.has(r.kind)));
  if (!child) return payload;
  const domain = channel.split(':')[0];
  const parentKey = INSTANCE_CHILDREN.has(child.kind)
    ? 'instanceId' in top
      ? 'instanceId'
      : undefined
    : MEETING_CHILDREN.has(child.kind)
      ? 'meetingId' in top
        ? 'meetingId'
        : domain === 'meetings'
          ? 'id'
          : undefined
      : 'actionId' in top
        ? 'actionId'
        : domain === 'actions'
          ? 'id'
          : undefined;
  if (!parentKey || !(top[parentKey] instanceof Ref) || !(top[parentKey] as Ref).scoped) return payload;
  const links = childLinks(data, child.kind, channel);
  if (!links.length) return payload;
  const [parent, , middle] = links[Math.floor(child.pick * links.length)]!;
  const out = walk(payload, (r) => r) as Record<string, unknown>;
  out[parentKey] = parent;
  if (middle && out.indicatorId instanceof Ref) out.indicatorId = middle;
  return out;
}

/** Turns the references of a payload into live ids: entities first, then their children within the entity the payload is about. */
export function resolvePayload(channel: string, payload: unknown, data: Datastore | undefined, seen: Seen): unknown {
  const paired = pairParent(channel, payload, data);
  const first = walk(paired, (r) => (PRIMARY.has(r.kind) ? pickFrom(entityPool(data, r).map((e) => e.id), r) : r));
  const top = first !== null && typeof first === 'object' && !Array.isArray(first) ? (first as Record<string, unknown>) : {};
  const str = (x: unknown) => (typeof x === 'string' ? x : undefined);
  const domain = channel.split(':')[0];
  const meetingId = str(top.meetingId) ?? (domain === 'meetings' ? str(top.id) : undefined);
  const actionId = str(top.actionId) ?? (domain === 'actions' ? str(top.id) : undefined);
  const instanceId = str(top.instanceId);
  const scope: Scope = {
    channel,
    instance: instanceId ? data?.instances.find((i) => i.id === instanceId) : undefined,
    meeting: meetingId ? data?.meetings.find((m) => m.id === meetingId) : undefined,
    action: actionId ? data?.actions.find((a) => a.id === actionId) : undefined,
    axisId: str(top.axisId),
  };
  const second = walk(first, (r) => {
    if (r.kind === 'importToken' || r.kind === 'archivedPeriod' || r.kind === 'indicator') return pickFrom(childPool(data, r.kind, scope, r.scoped, seen), r);
    return r;
  });
  const top2 = second !== null && typeof second === 'object' && !Array.isArray(second) ? (second as Record<string, unknown>) : {};
  scope.token = str(top2.token);
  scope.periodId = str(top2.periodId);
  scope.indicatorId = str(top2.indicatorId);
  const third = walk(second, (r) => (r.kind === 'confirmation' ? r : (permutation(data, r, scope) ?? pickFrom(childPool(data, r.kind, scope, r.scoped, seen), r))));
  // The confirmation of a passphrase repeats the one it confirms (a mistyped confirmation comes from the almost-valid payloads).
  const top3 = third !== null && typeof third === 'object' && !Array.isArray(third) ? (third as Record<string, unknown>) : {};
  return walk(third, () => top3.passphrase ?? top3.newPassphrase ?? '');
}
