// Demo register of situations: about a dozen minimal records, built from the references the demo's cellules already cite.
import type { Datastore } from '../../../shared/model';
import { type AgeBracket, type Situation, type SituationStatus, addDays, addYears, legalEndDate } from '../../../shared/register-model';
import { canFollowSituations, logAccess } from '../register/common';
import type { ServiceContext } from '../context';

interface Plan {
  status: SituationStatus;
  origin: string;
  reason: string;
  bracket: AgeBracket;
  /** Age at opening (gives the birth year, which is not stored). */
  age?: number;
  orientations: string[];
  note: string;
  closure?: string;
}

// Minimal notes: what was decided, never a story, a name, a health detail or a judgement.
const PLANS: Plan[] = [
  { status: 'in_follow_up', origin: 'school', reason: 'harassment', bracket: '11_14', age: 13, orientations: ['educational_support', 'mediation'], note: 'Médiation proposée par le collège ; point à la prochaine cellule.' },
  { status: 'in_follow_up', origin: 'social_services', reason: 'family_violence', bracket: '15_17', age: 16, orientations: ['social_services', 'victim_support'], note: 'Orientation vers l’association d’aide aux victimes.' },
  { status: 'open', origin: 'police', reason: 'public_tranquillity', bracket: '15_17', age: 17, orientations: ['reminder_of_law'], note: '' },
  { status: 'in_follow_up', origin: 'school', reason: 'school_dropout', bracket: '11_14', age: 12, orientations: ['educational_success'], note: 'Inscription au programme de réussite éducative.' },
  { status: 'open', origin: 'housing', reason: 'public_tranquillity', bracket: '18_21', age: 19, orientations: ['youth_employment'], note: 'Rendez-vous proposé à la mission locale.' },
  { status: 'in_follow_up', origin: 'association', reason: 'parenting', bracket: 'under_11', age: 9, orientations: ['parenting_support'], note: 'Atelier parents proposé.' },
  { status: 'closed', origin: 'school', reason: 'harassment', bracket: '11_14', age: 14, orientations: ['mediation'], note: 'Médiation menée à terme.', closure: 'resolved' },
  { status: 'closed', origin: 'town_services', reason: 'isolation', bracket: '25_plus', orientations: ['social_services'], note: 'Relais pris par le CCAS.', closure: 'handed_over' },
  { status: 'archived', origin: 'police', reason: 'risk_behaviour', bracket: '15_17', age: 17, orientations: ['educational_support'], note: 'Accompagnement éducatif terminé.', closure: 'resolved' },
  { status: 'archived', origin: 'family', reason: 'parenting', bracket: '11_14', age: 13, orientations: ['parenting_support', 'cddf'], note: 'Saisine du CDDF.', closure: 'moved' },
  { status: 'in_follow_up', origin: 'justice', reason: 'risk_behaviour', bracket: '22_24', age: 24, orientations: ['youth_employment'], note: 'Orientation vers la mission locale.' },
  { status: 'archived', origin: 'school', reason: 'school_dropout', bracket: '15_17', age: 16, orientations: ['educational_success'], note: 'Retour en classe constaté.', closure: 'resolved' },
];

/** References cited by decisions of meetings of instances that may follow situations, with their first date and instance. */
function citedReferences(data: Datastore): { ref: string; date: string; instanceId: string; pilot?: string }[] {
  const following = new Set(data.instances.filter(canFollowSituations).map((i) => i.id));
  const seen = new Map<string, { ref: string; date: string; instanceId: string; pilot?: string }>();
  for (const m of [...data.meetings].sort((a, b) => a.date.localeCompare(b.date))) {
    if (!following.has(m.instanceId)) continue;
    for (const d of m.decisions) if (d.situationRef && !seen.has(d.situationRef)) seen.set(d.situationRef, { ref: d.situationRef, date: m.date, instanceId: m.instanceId, pilot: d.pilotOrganisationId });
  }
  return [...seen.values()];
}

/** The demo's register on `today`: recent references are followed, older ones closed or archived, one past its retention date. */
export function demoSituations(data: Datastore, today: string, at: string): Situation[] {
  const cited = citedReferences(data).reverse(); // newest first
  const fallback = data.instances.find(canFollowSituations)?.id;
  if (!fallback) return [];
  const out: Situation[] = [];
  const used = new Set<string>();
  PLANS.forEach((p, i) => {
    const c = cited[i];
    // Without enough cited references, invent an earlier one (the demo's older years).
    const openedAt = c?.date ?? addDays(today, -200 - 90 * i);
    const reference = c?.ref ?? `${openedAt.slice(0, 4)}-${String(900 + i)}`;
    if (used.has(reference)) return;
    used.add(reference);
    let closedAt: string | undefined;
    if (p.status === 'closed') closedAt = addDays(today, i % 2 ? -45 : -10);
    if (p.status === 'archived') closedAt = addDays(today, -120 - 200 * (i % 3));
    if (closedAt && closedAt < openedAt) closedAt = addDays(openedAt, 30);
    const birthYear = p.age === undefined ? undefined : Number(openedAt.slice(0, 4)) - p.age;
    const legal = legalEndDate(p.bracket, birthYear);
    out.push({
      id: `sit_demo${String(i + 1).padStart(2, '0')}`,
      reference,
      openedAt,
      instanceIds: [c?.instanceId ?? fallback],
      origin: p.origin,
      reason: p.reason,
      ageBracket: p.bracket,
      ...(legal ? { legalEndDate: legal } : {}),
      ...(c?.pilot ? { referentOrganisationId: c.pilot } : {}),
      status: p.status,
      ...(closedAt ? { closedAt } : {}),
      ...(p.closure ? { closureReason: p.closure } : {}),
      ...(p.status === 'archived' && closedAt ? { archivedAt: addDays(closedAt, 30) } : {}),
      orientations: p.orientations,
      note: p.note,
      createdAt: at,
      updatedAt: at,
    });
  });
  // One archived situation past its retention date: the engine purges it at the first run (registre des purges).
  const old = addYears(today, -4);
  out.push({
    id: 'sit_demo99',
    reference: `${old.slice(0, 4)}-950`,
    openedAt: old,
    instanceIds: [fallback],
    origin: 'school',
    reason: 'harassment',
    ageBracket: '25_plus',
    status: 'archived',
    closedAt: addDays(old, 60),
    closureReason: 'resolved',
    archivedAt: addDays(old, 90),
    orientations: ['mediation'],
    note: '',
    createdAt: at,
    updatedAt: at,
  });
  return out;
}

const ORIGINS = ['school', 'police', 'social_services', 'housing', 'association', 'town_services', 'justice', 'family', 'other'];
const REASONS = ['school_dropout', 'harassment', 'risk_behaviour', 'public_tranquillity', 'family_violence', 'parenting', 'isolation', 'other'];
const ORIENTATIONS = ['educational_support', 'parenting_support', 'mediation', 'social_services', 'educational_success', 'youth_employment', 'victim_support', 'watch'];
const CLOSURES = ['resolved', 'handed_over', 'moved', 'declined', 'other'];
const BRACKETS: { b: AgeBracket; age?: number }[] = [{ b: 'under_11', age: 9 }, { b: '11_14', age: 12 }, { b: '15_17', age: 16 }, { b: '18_21', age: 19 }, { b: '22_24', age: 23 }, { b: '25_plus' }];

/**
 * The 10-year dataset's register (~2,000 situations): every reference its cellules cite, then older ones, with
 * statuses following their age (recent: followed; older: closed, archived). Deterministic.
 */
export function scaleSituations(data: Datastore, today: string, at: string, count = 2000): Situation[] {
  const cited = citedReferences(data);
  const following = data.instances.filter(canFollowSituations).map((i) => i.id);
  if (!following.length) return [];
  const used = new Set(cited.map((c) => c.ref));
  const out: Situation[] = [];
  let seq = 0;
  for (let i = 0; out.length < count; i++) {
    const c = cited[i];
    let reference = c?.ref;
    let openedAt = c?.date;
    if (!reference || !openedAt) {
      openedAt = addDays(today, -((i * 37) % 3400) - 20);
      do reference = `${openedAt.slice(0, 4)}-${String(500 + seq++).padStart(4, '0')}`;
      while (used.has(reference));
      used.add(reference);
    }
    const ageDays = (Date.parse(today) - Date.parse(openedAt)) / 86_400_000;
    const bracket = BRACKETS[i % BRACKETS.length];
    const status: SituationStatus = ageDays < 120 ? (i % 3 ? 'in_follow_up' : 'open') : ageDays < 400 ? (i % 2 ? 'in_follow_up' : 'closed') : 'archived';
    let closedAt = status === 'closed' || status === 'archived' ? addDays(openedAt, 90 + (i % 200)) : undefined;
    if (closedAt && closedAt > today) closedAt = addDays(today, -1);
    const legal = legalEndDate(bracket.b, bracket.age === undefined ? undefined : Number(openedAt.slice(0, 4)) - bracket.age);
    out.push({
      id: `sit_s${String(i).padStart(5, '0')}`,
      reference,
      openedAt,
      instanceIds: [c?.instanceId ?? following[i % following.length]],
      origin: ORIGINS[i % ORIGINS.length],
      reason: REASONS[(i * 5) % REASONS.length],
      ageBracket: bracket.b,
      ...(legal ? { legalEndDate: legal } : {}),
      ...(c?.pilot ? { referentOrganisationId: c.pilot } : {}),
      status,
      ...(closedAt ? { closedAt, closureReason: CLOSURES[i % CLOSURES.length] } : {}),
      ...(status === 'archived' && closedAt ? { archivedAt: addDays(closedAt, 30) } : {}),
      orientations: [ORIENTATIONS[i % ORIENTATIONS.length], ORIENTATIONS[(i * 3 + 1) % ORIENTATIONS.length]].filter((x, j, a) => a.indexOf(x) === j),
      note: i % 4 ? 'Orientation décidée en cellule ; point à la prochaine réunion.' : '',
      createdAt: at,
      updatedAt: at,
    });
  }
  return out;
}

/** Fills the demo's unlocked protected store with the demo register (once); `scale` for the 10-year dataset. */
export async function seedDemoRegister(ctx: ServiceContext, options: { scale?: boolean } = {}): Promise<void> {
  if (ctx.vault?.state !== 'unlocked' || !ctx.store.data.settings.demo) return;
  if (ctx.vault.read().situations.length) return;
  const now = ctx.now();
  const today = now.toISOString().slice(0, 10);
  const list = options.scale ? scaleSituations(ctx.store.data, today, now.toISOString()) : demoSituations(ctx.store.data, today, now.toISOString());
  await ctx.vault.update((draft) => {
    draft.situations.push(...list);
    for (const s of list.slice(0, 3)) logAccess(ctx, draft, 'create', s.reference);
  });
}
