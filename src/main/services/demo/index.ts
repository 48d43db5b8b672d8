// Demo commune: a credible fictional council (Valmont-sur-Loire, CLSPDR) whose story is computed relative to today.
import {
  type Action,
  type AgendaItem,
  type Attendance,
  Datastore,
  type Decision,
  type Indicator,
  type Instance,
  type Invitee,
  type JournalEntry,
  type Meeting,
  type MeetingStatus,
  type Membership,
  type Milestone,
  type Organisation,
  type Person,
  SCHEMA_VERSION,
} from '../../../shared/model';
import { formatDate, formatNumber } from '../../../shared/format';
import { presetCategories } from '../categories';
import { COMMUNE, DEMO_ORGS } from './directory-data';
import { ACTION_REVIEW, HARASSMENT_SITUATIONS, type SituationSpec, TILLEULS_SITUATIONS, VIF_SITUATIONS } from './meetings-data';
import {
  addDays,
  addMinutes,
  daysBetween,
  emailLocal,
  IdFactory,
  isoDate,
  monthYear,
  nthWeekdayOfMonth,
  onOrAfterWeekday,
  Rng,
  stamp,
  utcDay,
} from './random';
import { type ActionScenario, type ActionSpec, DEMO_AXES } from './strategy-data';

/** Builds the demo datastore for `now`: dates, progress and statuses are placed so the story stays current. */
export function buildDemoDatastore(now: Date): Datastore {
  return Datastore.parse(new DemoBuilder(now).build());
}

type InstanceKey = 'plenary' | 'restricted' | 'vif' | 'harassment' | 'tilleuls' | 'rodeos';

interface MeetingPlan {
  key: string;
  instance: InstanceKey;
  date: Date;
  status: MeetingStatus;
  startTime: string;
  id: string;
}

interface BuiltAction {
  spec: ActionSpec;
  action: Action;
  axisId: string;
}

const SEED = 0x5eed2023;

class DemoBuilder {
  private readonly rng = new Rng(SEED);
  private readonly ids = new IdFactory(SEED ^ 0x1d5);
  private readonly today: Date;
  private readonly year: number;
  private readonly periodStart: Date;
  private readonly periodEnd: Date;
  private readonly adoption: Date;
  private readonly prefectChange: Date;
  private readonly orgIds = new Map<string, string>();
  private readonly personIds = new Map<string, string>();
  private readonly personOrg = new Map<string, string>();
  private readonly people: Person[] = [];
  private readonly instanceIds = new Map<InstanceKey, string>();
  private readonly memberships: (Membership & { instanceKey: InstanceKey })[] = [];
  private readonly plans = new Map<string, MeetingPlan>();
  private readonly actions: BuiltAction[] = [];
  private situationCounter = new Map<number, number>();

  constructor(private readonly now: Date) {
    this.today = utcDay(now);
    this.year = this.today.getUTCFullYear();
    // A four-calendar-year strategy ending this year (2023–2026 in 2026), as in the seed commune.
    this.periodStart = new Date(Date.UTC(this.year - 3, 0, 1));
    this.periodEnd = new Date(Date.UTC(this.year, 11, 31));
    this.adoption = new Date(Date.UTC(this.year - 3, 2, 14));
    this.prefectChange = addDays(this.today, -40);
  }

  // ---------- helpers ----------
  private org(key: string): string {
    const id = this.orgIds.get(key);
    if (!id) throw new Error(`demo: unknown organisation ${key}`);
    return id;
  }

  private person(key: string): string {
    const id = this.personIds.get(key);
    if (!id) throw new Error(`demo: unknown person ${key}`);
    return id;
  }

  /** A timestamp on day `d`, never later than now. */
  private at(d: Date, hh = 9, mm = 0): string {
    const s = stamp(d, hh, mm);
    return s > this.now.toISOString() ? new Date(this.now.getTime() - 5 * 60_000).toISOString() : s;
  }

  private past(d: Date): Date {
    return d > this.today ? this.today : d;
  }

  private phone(mobile = false): string {
    const two = () => String(this.rng.int(0, 99)).padStart(2, '0');
    return mobile ? `06 39 98 ${two()} ${two()}` : `02 61 91 ${two()} ${two()}`;
  }

  private clampToPeriod(d: Date): Date {
    if (d < this.periodStart) return this.periodStart;
    if (d > this.periodEnd) return this.periodEnd;
    return d;
  }

  // ---------- build ----------
  build(): Datastore {
    const periodId = this.ids.make('prd');
    const createdAt = this.at(addDays(this.periodStart, -20), 10);
    const organisations = this.buildDirectory(createdAt);
    const instances = this.buildInstances();
    this.buildMemberships();
    this.planMeetings();
    const { axes, objectives } = this.buildStrategy(periodId);
    const meetings = this.buildMeetings();
    const mairie = DEMO_ORGS.find((o) => o.key === 'mairie')!;
    return {
      schemaVersion: SCHEMA_VERSION,
      purgeLog: [],
      settings: {
        communeName: COMMUNE,
        councilAcronym: 'CLSPDR',
        councilName: 'Conseil local de sécurité, de prévention de la délinquance et de la radicalisation',
        presidentName: 'Claire Morel',
        presidentTitle: 'Maire de Valmont-sur-Loire, présidente du CLSPDR',
        coordinatorName: 'Julien Perrin',
        coordinatorEmail: `clspdr@${mairie.domain}`,
        coordinatorPhone: '02 61 91 20 26',
        address: mairie.address,
        activePeriodId: periodId,
        staleAfterMonths: 3,
        configured: true,
        demo: true,
      },
      categories: presetCategories(),
      organisations,
      people: this.people,
      instances,
      memberships: this.memberships.map(({ instanceKey: _k, ...m }) => m),
      periods: [
        {
          id: periodId,
          title: `Stratégie territoriale ${this.year - 3}–${this.year}`,
          startYear: this.year - 3,
          endYear: this.year,
          status: 'active',
        },
      ],
      axes,
      objectives,
      actions: this.actions.map((a) => a.action),
      meetings,
    };
  }

  private buildDirectory(createdAt: string): Organisation[] {
    const orgs: Organisation[] = [];
    for (const spec of DEMO_ORGS) {
      const id = this.ids.make('org');
      this.orgIds.set(spec.key, id);
      const org: Organisation = {
        id,
        name: spec.name,
        categoryId: spec.categoryId,
        address: spec.address,
        email: `contact@${spec.domain}`,
        phone: this.phone(),
        archived: false,
        createdAt,
        updatedAt: createdAt,
      };
      if (spec.shortName) org.shortName = spec.shortName;
      if (spec.website) org.website = `https://www.${spec.domain}`;
      if (spec.notes) org.notes = spec.notes;
      if (spec.key === 'prefecture') {
        org.officeHolderChangedAt = isoDate(this.prefectChange);
        org.updatedAt = this.at(this.prefectChange, 11);
      }
      orgs.push(org);
      for (const p of spec.people) {
        const pid = this.ids.make('per');
        this.personIds.set(p.key, pid);
        this.personOrg.set(p.key, spec.key);
        const person: Person = {
          id: pid,
          organisationId: id,
          civility: p.civility,
          firstName: p.firstName,
          lastName: p.lastName,
          jobTitle: p.jobTitle,
          email: `${emailLocal(p.firstName, p.lastName)}@${spec.domain}`,
          phone: this.phone(p.mobile),
          createdAt,
          updatedAt: createdAt,
        };
        if (p.key === 'prefet') {
          person.createdAt = this.at(this.prefectChange, 11);
          person.updatedAt = person.createdAt;
        }
        if (p.key === 'prefetOld') {
          person.leftAt = isoDate(addDays(this.prefectChange, -1));
          person.updatedAt = this.at(this.prefectChange, 11);
        }
        this.people.push(person);
      }
    }
    return orgs;
  }

  private buildInstances(): Instance[] {
    const mk = (key: InstanceKey, created: Date, fields: Omit<Instance, 'id' | 'createdAt' | 'updatedAt'>): Instance => {
      const id = this.ids.make('ins');
      this.instanceIds.set(key, id);
      return { id, ...fields, createdAt: this.at(created, 10), updatedAt: this.at(created, 10) };
    };
    const rodeosClosed = addDays(this.today, -400);
    return [
      mk('plenary', this.adoption, {
        name: 'Formation plénière',
        kind: 'plenary',
        confidentiality: 'public',
        purpose: 'Bilan annuel, statistiques de la délinquance présentées par les services de l’État, orientations et adoption de la stratégie territoriale.',
        cadence: 'Au moins une fois par an',
        status: 'active',
      }),
      mk('restricted', this.adoption, {
        name: 'Formation restreinte (comité de pilotage)',
        kind: 'restricted',
        confidentiality: 'restricted',
        purpose: 'Pilotage de la stratégie : suivi des axes et des fiches action, préparation de la plénière, appels à projets FIPDR.',
        cadence: 'Trimestrielle',
        status: 'active',
      }),
      mk('vif', new Date(Date.UTC(this.year - 3, 5, 1)), {
        name: 'Cellule de veille violences intrafamiliales',
        kind: 'working_group',
        theme: 'Violences intrafamiliales',
        confidentiality: 'confidential',
        purpose: 'Examen des situations de violences intrafamiliales signalées par les partenaires et coordination de la mise à l’abri et de l’accompagnement des victimes.',
        cadence: 'Tous les deux mois',
        status: 'active',
      }),
      mk('harassment', new Date(Date.UTC(this.year - 2, 8, 10)), {
        name: 'Cellule de veille harcèlement scolaire',
        kind: 'working_group',
        theme: 'Harcèlement scolaire',
        confidentiality: 'confidential',
        purpose: 'Repérage et suivi des situations de harcèlement, y compris en ligne, signalées par les établissements scolaires.',
        cadence: 'Mensuelle (hors vacances scolaires)',
        status: 'active',
      }),
      mk('tilleuls', addDays(this.today, -120), {
        name: 'Cellule de veille du quartier des Tilleuls',
        kind: 'working_group',
        territory: 'Quartier des Tilleuls (QPV)',
        confidentiality: 'confidential',
        purpose: 'Réponse coordonnée aux tensions apparues dans le quartier des Tilleuls : regroupements, dégradations, incivilités.',
        cadence: 'À la demande',
        status: 'active',
      }),
      {
        ...mk('rodeos', addDays(this.today, -700), {
          name: 'Groupe de travail rodéos motorisés',
          kind: 'working_group',
          theme: 'Rodéos motorisés',
          confidentiality: 'restricted',
          purpose: 'Coordonner la réponse aux rodéos motorisés sur les parkings et les berges.',
          cadence: 'Selon les besoins',
          status: 'closed',
          closedAt: isoDate(rodeosClosed),
          closedReason: 'Phénomène résorbé après la saison estivale ; le suivi est repris par la formation restreinte.',
        }),
        updatedAt: this.at(rodeosClosed, 10),
      },
    ];
  }

  private addMember(
    instanceKey: InstanceKey,
    personKey: string,
    role: Membership['role'],
    start: Date,
    opts: { substituteOf?: string; end?: Date; charter?: Date | null } = {},
  ): string {
    const id = this.ids.make('mbr');
    const m: Membership & { instanceKey: InstanceKey } = {
      id,
      instanceKey,
      instanceId: this.instanceIds.get(instanceKey)!,
      personId: this.person(personKey),
      organisationId: this.org(this.personOrg.get(personKey)!),
      role,
      seat: opts.substituteOf ? 'substitute' : 'titular',
      startDate: isoDate(start),
    };
    if (opts.substituteOf) m.titularMembershipId = opts.substituteOf;
    if (opts.end) m.endDate = isoDate(opts.end);
    if (opts.charter) m.charterSignedAt = isoDate(opts.charter);
    this.memberships.push(m);
    return id;
  }

  private buildMemberships(): void {
    const a = this.adoption;
    const change = this.prefectChange;
    const beforeChange = addDays(change, -1);
    // Formation plénière: préfet and procureur are membres de droit; the préfet changed recently.
    const oldPrefet = this.addMember('plenary', 'prefetOld', 'ex_officio', a, { end: beforeChange });
    this.addMember('plenary', 'dircab', 'ex_officio', a, { substituteOf: oldPrefet, end: beforeChange });
    const prefet = this.addMember('plenary', 'prefet', 'ex_officio', change);
    this.addMember('plenary', 'dircab', 'ex_officio', change, { substituteOf: prefet });
    const proc = this.addMember('plenary', 'procureure', 'ex_officio', a);
    this.addMember('plenary', 'substitut', 'ex_officio', a, { substituteOf: proc });
    const maire = this.addMember('plenary', 'maire', 'designated', a);
    this.addMember('plenary', 'adjoint', 'designated', a, { substituteOf: maire });
    const commissaire = this.addMember('plenary', 'commissaire', 'designated', a);
    this.addMember('plenary', 'commandante', 'designated', a, { substituteOf: commissaire });
    for (const k of ['capitaine', 'delegue', 'ien', 'mdsResp', 'pmChef', 'ccasDir']) this.addMember('plenary', k, 'designated', a);
    for (const k of [
      'pjjDir',
      'principale',
      'habitatResp',
      'valbusSurete',
      'victimesDir',
      'mediationCoord',
      'horizonChef',
      'csDir',
      'mlConseillere',
      'cafConseiller',
      'ucavPres',
      'chefCentre',
    ]) {
      this.addMember('plenary', k, 'associated', a);
    }
    this.addMember('plenary', 'pedopsy', 'qualified', a);
    this.addMember('plenary', 'femmesPres', 'qualified', addDays(a, 380));

    // Formation restreinte.
    this.addMember('restricted', 'adjoint', 'designated', a);
    this.addMember('restricted', 'coord', 'designated', a);
    const rCom = this.addMember('restricted', 'commissaire', 'designated', a);
    this.addMember('restricted', 'commandante', 'designated', a, { substituteOf: rCom });
    const rPm = this.addMember('restricted', 'pmChef', 'designated', a);
    this.addMember('restricted', 'pmAdj', 'designated', a, { substituteOf: rPm });
    for (const k of ['delegue', 'substitut', 'ien', 'mdsResp', 'preCoord', 'ccasDir']) this.addMember('restricted', k, 'designated', a);
    for (const k of ['habitatResp', 'csDir']) this.addMember('restricted', k, 'associated', a);

    // Cellule VIF: charter reviewed yearly; one signature is more than a year old.
    const vifStart = new Date(Date.UTC(this.year - 3, 5, 1));
    const vifReview = addDays(this.today, -200);
    this.addMember('vif', 'coord', 'designated', vifStart, { charter: vifReview });
    const bpf = this.addMember('vif', 'bpf', 'designated', vifStart, { charter: vifReview });
    this.addMember('vif', 'commandante', 'designated', vifStart, { substituteOf: bpf, charter: vifReview });
    for (const k of ['isc', 'ccasDir', 'substitut']) this.addMember('vif', k, 'designated', vifStart, { charter: vifReview });
    this.addMember('vif', 'mdsResp', 'designated', vifStart, { charter: addDays(this.today, -430) });
    for (const k of ['victimesDir', 'habitatResp']) this.addMember('vif', k, 'associated', vifStart, { charter: vifReview });
    this.addMember('vif', 'pedopsy', 'qualified', vifStart, { charter: vifReview });

    // Cellule harcèlement scolaire: signatures renewed at the start of the school year; the new proviseur has not signed yet.
    const harStart = new Date(Date.UTC(this.year - 2, 8, 10));
    const harSigned = addDays(this.today, -80);
    this.addMember('harassment', 'coord', 'designated', harStart, { charter: harSigned });
    const princ = this.addMember('harassment', 'principale', 'designated', harStart, { charter: harSigned });
    this.addMember('harassment', 'cpe', 'designated', harStart, { substituteOf: princ, charter: harSigned });
    for (const k of ['ien', 'preCoord', 'ccasDir', 'bpf']) this.addMember('harassment', k, 'designated', harStart, { charter: harSigned });
    this.addMember('harassment', 'mediationCoord', 'associated', harStart, { charter: harSigned });
    this.addMember('harassment', 'pedopsy', 'qualified', harStart, { charter: harSigned });
    this.addMember('harassment', 'proviseur', 'designated', addDays(this.today, -60), { charter: null });

    // Cellule du quartier des Tilleuls, created four months ago.
    const tilStart = addDays(this.today, -120);
    const tilSigned = addDays(tilStart, 6);
    this.addMember('tilleuls', 'coord', 'designated', tilStart, { charter: tilSigned });
    const hab = this.addMember('tilleuls', 'habitatResp', 'associated', tilStart, { charter: tilSigned });
    this.addMember('tilleuls', 'gardienne', 'associated', tilStart, { substituteOf: hab, charter: tilSigned });
    const cs = this.addMember('tilleuls', 'csDir', 'associated', tilStart, { charter: tilSigned });
    this.addMember('tilleuls', 'animateur', 'associated', tilStart, { substituteOf: cs, charter: tilSigned });
    for (const k of ['pmChef', 'commandante', 'delegue']) this.addMember('tilleuls', k, 'designated', tilStart, { charter: tilSigned });
    for (const k of ['mediationCoord', 'horizonChef']) this.addMember('tilleuls', k, 'associated', tilStart, { charter: tilSigned });

    // Closed working group: memberships ended with it.
    const rodStart = addDays(this.today, -700);
    const rodEnd = addDays(this.today, -400);
    for (const k of ['pmChef', 'commandante', 'coord', 'valbusSurete']) this.addMember('rodeos', k, 'designated', rodStart, { end: rodEnd });
  }

  // ---------- meetings: dates first, content after the actions ----------
  private plan(key: string, instance: InstanceKey, date: Date, status: MeetingStatus, startTime: string): void {
    this.plans.set(key, { key, instance, date, status, startTime, id: this.ids.make('mtg') });
  }

  private meetingPlan(key: string): MeetingPlan {
    const p = this.plans.get(key);
    if (!p) throw new Error(`demo: unknown meeting ${key}`);
    return p;
  }

  private planMeetings(): void {
    const t = this.today;
    // Plenary held last December (minutes validated), next plenary in preparation (draft).
    this.plan('plenaryLast', 'plenary', nthWeekdayOfMonth(this.year - 1, 11, 2, 2), 'validated', '17:30');
    // Formation restreinte: quarterly; the latest held but not validated, the next one convened next month.
    this.plan('restricted1', 'restricted', onOrAfterWeekday(addDays(t, -240), 2), 'validated', '14:00');
    this.plan('restricted2', 'restricted', onOrAfterWeekday(addDays(t, -150), 2), 'validated', '14:00');
    this.plan('restricted3', 'restricted', onOrAfterWeekday(addDays(t, -42), 2), 'held', '14:00');
    const nextMonth = new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth() + 1, 8));
    const restrictedNext = onOrAfterWeekday(nextMonth, 2);
    this.plan('restrictedNext', 'restricted', restrictedNext, 'convened', '14:00');
    // This year's plenary in December, prepared by the restricted formation (or later if December is too close).
    const december = nthWeekdayOfMonth(this.year, 11, 2, 3);
    // An extraordinary plenary held twelve days ago: minutes still to validate (the usual state after a plenary).
    this.plan('plenaryExtra', 'plenary', onOrAfterWeekday(addDays(t, -12), 4), 'held', '18:00');
    this.plan('plenaryNext', 'plenary', december >= addDays(restrictedNext, 5) ? december : onOrAfterWeekday(addDays(restrictedNext, 21), 2), 'draft', '17:30');
    // Cellule harcèlement scolaire: monthly (second Thursday), no meeting in August.
    const monthly: Date[] = [];
    for (let back = 0; monthly.length < 6 && back < 14; back++) {
      const d = nthWeekdayOfMonth(t.getUTCFullYear(), t.getUTCMonth() - back, 4, 2);
      if (d.getUTCMonth() === 7 || daysBetween(d, t) < 3) continue;
      monthly.push(d);
    }
    monthly.reverse().forEach((d, i) => this.plan(`harassment${i + 1}`, 'harassment', d, i === monthly.length - 1 ? 'held' : 'validated', '09:30'));
    // Cellule VIF: every two months (Monday).
    [-215, -155, -95, -35].forEach((off, i, all) =>
      this.plan(`vif${i + 1}`, 'vif', onOrAfterWeekday(addDays(t, off), 1), i === all.length - 1 ? 'held' : 'validated', '14:00'),
    );
    // Cellule des Tilleuls: created four months ago.
    this.plan('tilleuls1', 'tilleuls', onOrAfterWeekday(addDays(t, -75), 3), 'validated', '18:00');
    this.plan('tilleuls2', 'tilleuls', onOrAfterWeekday(addDays(t, -20), 3), 'held', '18:00');
  }

  // ---------- strategy ----------
  private buildStrategy(periodId: string): { axes: Datastore['axes']; objectives: Datastore['objectives'] } {
    const axes: Datastore['axes'] = [];
    const objectives: Datastore['objectives'] = [];
    DEMO_AXES.forEach((axisSpec, ai) => {
      const axisId = this.ids.make('axe');
      axes.push({ id: axisId, periodId, order: ai + 1, title: axisSpec.title, colour: axisSpec.colour, description: axisSpec.description, archived: false });
      axisSpec.objectives.forEach((objSpec, oi) => {
        const objectiveId = this.ids.make('obj');
        objectives.push({ id: objectiveId, axisId, order: oi + 1, title: objSpec.title, description: objSpec.description, archived: false });
        objSpec.actions.forEach((spec, ci) => {
          const code = `A${ai + 1}.${oi + 1}.${ci + 1}`;
          this.actions.push({ spec, axisId, action: this.buildAction(spec, periodId, objectiveId, code) });
        });
      });
    });
    return { axes, objectives };
  }

  private actionByKey(key: string): BuiltAction {
    const a = this.actions.find((x) => x.spec.key === key);
    if (!a) throw new Error(`demo: unknown action ${key}`);
    return a;
  }

  private buildAction(spec: ActionSpec, periodId: string, objectiveId: string, code: string): Action {
    const rng = this.rng;
    const t = this.today;
    let start = this.clampToPeriod(addDays(t, spec.start));
    let end = this.clampToPeriod(addDays(t, spec.end));
    const ongoing: ActionScenario[] = ['on_track', 'late_behind', 'stale', 'planned', 'postponed'];
    if (ongoing.includes(spec.scenario) && end < addDays(t, 15)) end = addDays(t, 15);
    // Actions still to launch start soon, inside the period, even when the period is about to end.
    const plannedStart = (offset: number) => {
      const latest = addDays(this.periodEnd, -25);
      const d = addDays(t, offset);
      return d > latest ? (latest > addDays(t, 3) ? latest : addDays(t, 3)) : d;
    };
    if (spec.scenario === 'planned') {
      start = plannedStart(spec.start);
      if (daysBetween(start, end) < 20) end = addDays(start, 20);
    }
    // A postponed action keeps its original start in the journal; its dates now point to the relaunch.
    const originalStart = start;
    if (spec.scenario === 'postponed') {
      start = plannedStart(12);
      if (daysBetween(start, end) < 20) end = addDays(start, 20);
    }
    const span = Math.max(1, daysBetween(start, end));
    const elapsed = (d: Date) => Math.min(1, Math.max(0, daysBetween(start, d) / span));
    const expectedNow = elapsed(t) * 100;
    const restricted1 = this.meetingPlan('restricted1');
    const restricted2 = this.meetingPlan('restricted2');
    const restricted3 = this.meetingPlan('restricted3');

    // When the pilot last reported, and the status at the end of the story.
    let lastReport: Date;
    let progress: number;
    let status: Action['status'];
    let perf: number;
    switch (spec.scenario) {
      case 'done':
        lastReport = this.past(addDays(end, 6));
        progress = 100;
        status = 'done';
        perf = 1.08;
        break;
      case 'on_track':
        lastReport = addDays(t, -rng.int(6, 40));
        progress = Math.min(95, Math.ceil(expectedNow) + rng.int(1, 6));
        status = 'in_progress';
        perf = 1.06;
        break;
      case 'late_behind':
        lastReport = addDays(t, -rng.int(8, 25));
        progress = Math.max(10, Math.round(expectedNow - 38 - rng.int(0, 8)));
        status = 'in_progress';
        perf = 0.45;
        break;
      case 'late_overdue':
        lastReport = addDays(t, -rng.int(12, 30));
        progress = 70 + rng.int(0, 12);
        status = 'in_progress';
        perf = 0.72;
        break;
      case 'stale':
        lastReport = addDays(t, -rng.int(135, 150));
        progress = Math.max(10, Math.round(elapsed(lastReport) * 100));
        status = 'in_progress';
        perf = 1;
        break;
      case 'planned':
        lastReport = addDays(t, -rng.int(15, 30));
        progress = 0;
        status = 'planned';
        perf = 0;
        break;
      case 'postponed':
        lastReport = addDays(t, -rng.int(20, 35));
        progress = 10;
        status = 'postponed';
        perf = 0.25;
        break;
      case 'abandoned':
        lastReport = restricted1.date;
        progress = 15;
        status = 'abandoned';
        perf = 0.25;
        break;
    }
    // The last measured/reported state of the work (the status change for postponed/abandoned actions).
    const workStop =
      spec.scenario === 'postponed' ? restricted2.date : spec.scenario === 'abandoned' ? restricted1.date : spec.scenario === 'done' ? end : lastReport;

    const milestones: Milestone[] = spec.milestones.map(([title, fraction], i) => {
      const due = addDays(start, Math.round(span * fraction));
      const m: Milestone = { id: this.ids.make('jal'), title, dueDate: isoDate(due) };
      let done = due <= workStop && due <= t;
      if (spec.scenario === 'late_behind') {
        // The latest milestone already due is the one holding the action up.
        const dueOnes = spec.milestones.filter(([, f]) => addDays(start, Math.round(span * f)) < t);
        if (i === dueOnes.length - 1) done = false;
      }
      if (spec.scenario === 'late_overdue' && fraction >= 1) done = false;
      if (spec.scenario === 'planned') done = false;
      if (done) m.doneAt = isoDate(this.past(addDays(due, rng.int(-6, 2))));
      return m;
    });

    const indicators: Indicator[] = spec.indicators.map((ind) => {
      const measurements: Indicator['measurements'] = [];
      const lastDate = spec.scenario === 'done' ? end : workStop;
      if (perf > 0) {
        const dates: Date[] = [];
        for (let d = addDays(start, 75); d < lastDate; d = addDays(d, 91 + rng.int(-10, 10))) dates.push(d);
        if (spec.scenario === 'done' || !dates.length || daysBetween(dates[dates.length - 1], lastDate) > 20) dates.push(lastDate);
        for (const d of dates.slice(-6)) {
          const f = elapsed(d);
          let value = ind.baseline + (ind.target - ind.baseline) * f * perf;
          const increasing = ind.target >= ind.baseline;
          value = increasing === perf >= 1 ? Math.ceil(value) : Math.floor(value);
          if (ind.unit === '%') value = Math.min(100, value);
          measurements.push({ id: this.ids.make('mes'), date: isoDate(d), value, comment: measureComment(spec.scenario, f) });
        }
      }
      return {
        id: this.ids.make('ind'),
        title: ind.title,
        definition: ind.definition,
        unit: ind.unit,
        type: ind.type,
        baseline: ind.baseline,
        target: ind.target,
        targetDate: isoDate(end),
        source: ind.source,
        frequency: ind.frequency,
        responsibleOrganisationId: this.org(ind.responsible),
        measurements,
      };
    });

    const funding = spec.funding.map(([funder, requested, obtained], i) => {
      const spentShare = spec.scenario === 'done' ? 0.96 : spec.scenario === 'planned' ? 0 : Math.min(0.9, elapsed(workStop) * 0.9);
      return {
        id: this.ids.make('fin'),
        funder,
        year: Math.max(start.getUTCFullYear(), this.year - 3) + (i % 2),
        requested,
        obtained,
        spent: Math.round(obtained * spentShare),
      };
    });

    // Journal: adoption, start, progress checkpoints, status changes.
    const journal: JournalEntry[] = [];
    const entry = (d: Date, field: string, from?: string, to?: string, comment?: string, meetingId?: string) => {
      const e: JournalEntry = { id: this.ids.make('jrn'), at: this.at(d, 10 + rng.int(0, 7), rng.int(0, 59)), field };
      if (from !== undefined) e.from = from;
      if (to !== undefined) e.to = to;
      if (comment) e.comment = comment;
      if (meetingId) e.meetingId = meetingId;
      journal.push(e);
    };
    const created = this.adoption < start ? this.adoption : addDays(start, -30);
    entry(created, 'created', undefined, undefined, 'Fiche action adoptée avec la stratégie territoriale.');
    if (spec.scenario !== 'planned') {
      entry(originalStart, 'status', 'planned', 'in_progress', 'Lancement de l’action.');
      const finalProgress = spec.scenario === 'done' ? 100 : progress;
      const checkpoints = spec.scenario === 'done' ? [0.35, 0.7] : [0.4, 1];
      let prev = 0;
      for (const c of checkpoints) {
        const d = addDays(originalStart, Math.round(daysBetween(originalStart, workStop) * c));
        const value = c === 1 ? finalProgress : Math.round((finalProgress * c) / 5) * 5 || 5;
        if (value <= prev || d <= originalStart) continue;
        entry(d, 'progress', String(prev), String(value), progressComment(spec.scenario, c));
        prev = value;
      }
      if (spec.scenario === 'done') {
        entry(end, 'progress', String(prev), '100');
        entry(end, 'status', 'in_progress', 'done', spec.statusComment);
      }
    }
    // The latest value of each indicator was reported through the fiche (as the measurement form does).
    for (const ind of indicators) {
      const last = ind.measurements[ind.measurements.length - 1];
      if (!last) continue;
      entry(fromIsoDay(last.date), 'measurement', undefined, `${formatNumber(last.value)} ${ind.unit}`.trim(), `${ind.title} — ${formatDate(last.date)}`);
    }
    switch (spec.scenario) {
      case 'late_behind':
        entry(restricted3.date, 'note', undefined, undefined, 'Retard examiné en formation restreinte : le pilote présentera un calendrier révisé.', restricted3.id);
        break;
      case 'late_overdue':
        entry(addDays(end, 10), 'note', undefined, undefined, 'Échéance dépassée : la reconduction de l’action est à décider avec les financeurs.');
        break;
      case 'postponed':
        entry(restricted2.date, 'status', 'in_progress', 'postponed', spec.statusComment, restricted2.id);
        entry(restricted2.date, 'startDate', isoDate(originalStart), isoDate(start), 'Nouvelle date de lancement.', restricted2.id);
        entry(lastReport, 'note', undefined, undefined, 'Nouveau calendrier à l’étude avec la préfecture.');
        break;
      case 'abandoned':
        entry(restricted1.date, 'status', 'in_progress', 'abandoned', spec.statusComment, restricted1.id);
        break;
      case 'planned':
        entry(lastReport, 'note', undefined, undefined, 'Calendrier de lancement confirmé avec les partenaires.');
        break;
      default:
        break;
    }
    journal.sort((x, y) => (x.at < y.at ? -1 : x.at > y.at ? 1 : 0));
    const lastUpdateAt = journal.reduce((m, e) => (e.at > m ? e.at : m), journal[0].at);

    return {
      id: this.ids.make('act'),
      periodId,
      objectiveId,
      code,
      title: spec.title,
      nationalMeasures: spec.national,
      context: spec.context,
      description: spec.description,
      modalities: spec.modalities,
      pilot: { organisationId: this.org(spec.pilot[0]), personId: this.person(spec.pilot[1]) },
      partners: spec.partners.map(([org, role, note]) => (note ? { organisationId: this.org(org), role, note } : { organisationId: this.org(org), role })),
      targetPublic: spec.targetPublic,
      territory: spec.territory,
      startDate: isoDate(start),
      endDate: isoDate(end),
      milestones,
      means: spec.means,
      funding,
      indicators,
      status,
      progress,
      followingInstanceId: this.instanceIds.get(spec.following),
      attachments: [],
      journal,
      lastUpdateAt,
      archived: false,
      createdAt: this.at(created, 10),
      updatedAt: lastUpdateAt,
    };
  }

  // ---------- meetings content ----------
  private membersAt(instance: InstanceKey, d: Date): (Membership & { instanceKey: InstanceKey })[] {
    const day = isoDate(d);
    return this.memberships.filter((m) => m.instanceKey === instance && m.startDate <= day && (!m.endDate || m.endDate >= day));
  }

  private buildMeetings(): Meeting[] {
    const meetings: Meeting[] = [];
    const ordered = [...this.plans.values()].sort((a, b) => a.date.getTime() - b.date.getTime());
    const followed = new Map<InstanceKey, { ref: string; spec: SituationSpec; seen: number }[]>();
    const pools: Partial<Record<InstanceKey, SituationSpec[]>> = {
      harassment: HARASSMENT_SITUATIONS.slice(),
      vif: VIF_SITUATIONS.slice(),
      tilleuls: TILLEULS_SITUATIONS.slice(),
    };
    for (const plan of ordered) {
      const conf = plan.instance === 'plenary' ? 'public' : plan.instance === 'restricted' ? 'restricted' : 'confidential';
      const m = this.meetingShell(plan, conf);
      if (conf === 'confidential') this.fillConfidential(m, plan, followed, pools[plan.instance]!);
      else if (plan.key === 'plenaryExtra') this.fillExtraordinaryPlenary(m);
      else if (plan.instance === 'plenary') this.fillPlenary(m, plan);
      else this.fillRestricted(m, plan);
      this.finishMeeting(m, plan, ordered);
      meetings.push(m);
    }
    return meetings;
  }

  private meetingShell(plan: MeetingPlan, confidentiality: Meeting['confidentiality']): Meeting {
    const names: Record<InstanceKey, string> = {
      plenary: 'Formation plénière',
      restricted: 'Formation restreinte',
      vif: 'Cellule de veille VIF',
      harassment: 'Cellule de veille harcèlement scolaire',
      tilleuls: 'Cellule de veille des Tilleuls',
      rodeos: 'Groupe de travail rodéos',
    };
    const places: Record<InstanceKey, string> = {
      plenary: 'Hôtel de ville — salle du conseil municipal',
      restricted: 'Hôtel de ville — salle des commissions',
      vif: 'Maison de justice et du droit — salle de réunion',
      harassment: 'Collège des Tilleuls — salle du conseil',
      tilleuls: 'Centre social des Tilleuls',
      rodeos: 'Poste de police municipale',
    };
    const invitees: Invitee[] = this.membersAt(plan.instance, plan.date)
      .filter((mb) => mb.seat === 'titular')
      .map((mb) => ({ id: this.ids.make('inv'), personId: mb.personId, organisationId: mb.organisationId }));
    const created = plan.status === 'draft' ? addDays(this.today, -3) : addDays(plan.date, -28);
    return {
      id: plan.id,
      instanceId: this.instanceIds.get(plan.instance)!,
      title: `${names[plan.instance]} — ${monthYear(plan.date)}`,
      date: isoDate(plan.date),
      startTime: plan.startTime,
      place: places[plan.instance],
      confidentiality,
      status: plan.status,
      agenda: [],
      invitees,
      attendance: [],
      decisions: [],
      generalNotes: '',
      createdAt: this.at(this.past(created), 9),
      updatedAt: this.at(this.past(created), 9),
    };
  }

  private section(title: string): AgendaItem {
    return { id: this.ids.make('itm'), kind: 'section', title, durationMin: 0, linkedActionIds: [], notes: '' };
  }

  private item(title: string, durationMin: number, presenter: string, notes: string, extra: Partial<AgendaItem> = {}): AgendaItem {
    return { id: this.ids.make('itm'), kind: 'item', title, durationMin, presenter, linkedActionIds: [], notes, ...extra };
  }

  private decision(
    m: Meeting,
    kind: Decision['kind'],
    text: string,
    opts: { item?: AgendaItem; action?: string; pilot?: string; due?: Date; ref?: string; status?: Decision['status'] } = {},
  ): void {
    const d: Decision = {
      id: this.ids.make('dec'),
      kind,
      text,
      status: opts.status ?? 'open',
      createdAt: this.at(fromIsoDay(m.date), Number(m.startTime.slice(0, 2)) + 1, 10),
    };
    if (opts.item) d.agendaItemId = opts.item.id;
    if (opts.action) d.actionId = this.actionByKey(opts.action).action.id;
    if (opts.pilot) d.pilotOrganisationId = this.org(opts.pilot);
    if (opts.due) d.dueDate = isoDate(opts.due);
    if (opts.ref) d.situationRef = opts.ref;
    m.decisions.push(d);
  }

  private reviewNotes(keys: string[], write: boolean): string {
    if (!write) return '';
    return keys
      .map((k) => {
        const a = this.actionByKey(k);
        return `${a.action.code} ${a.action.title} : avancement ${a.action.progress} %. ${ACTION_REVIEW[a.spec.scenario]}`;
      })
      .join('\n');
  }

  /** A public plenary called on one subject, held, its compte rendu not yet validated. */
  private fillExtraordinaryPlenary(m: Meeting): void {
    m.title = m.title.replace('Formation plénière', 'Formation plénière extraordinaire');
    const open = this.section('Ouverture de la séance');
    const welcome = this.item('Accueil et objet de la séance', 10, 'Mme Claire Morel, maire', 'Mme la Maire rappelle l’objet de la séance : la tranquillité publique aux abords des établissements scolaires après les incidents de la rentrée.');
    const topic = this.section('Tranquillité aux abords des établissements');
    const facts = this.item('Point de situation', 20, 'M. Olivier Dubreuil, commissaire', 'Les faits signalés aux abords des deux collèges sont en baisse depuis la mise en place de patrouilles aux heures de sortie ; les rassemblements du mercredi restent à surveiller.');
    const plan = this.item('Mesures proposées', 20, 'M. Julien Perrin, coordonnateur', 'Renfort de la présence de la police municipale aux sorties, médiateurs sur la ligne de bus scolaire, information des familles par les établissements.');
    const misc = this.item('Questions diverses', 10, 'Mme Claire Morel, maire', 'Les bailleurs demandent à être associés au bilan de ces mesures à la prochaine formation restreinte.');
    m.agenda = [open, welcome, topic, facts, plan, misc];
    m.plannedEndTime = addMinutes(m.startTime, m.agenda.reduce((sum, i) => sum + i.durationMin, 0));
    m.generalNotes = 'Compte rendu à valider : le projet sera adressé aux membres avant validation.';
    this.decision(m, 'decision', 'Les mesures de tranquillité aux abords des établissements sont approuvées pour l’année scolaire.', { item: plan, status: 'open' });
    this.decision(m, 'action', 'Présenter un premier bilan des patrouilles aux heures de sortie à la prochaine formation restreinte.', { item: plan, pilot: 'pm', due: addDays(fromIsoDay(m.date), 60), status: 'open' });
  }

  private fillPlenary(m: Meeting, plan: MeetingPlan): void {
    const written = plan.status === 'held' || plan.status === 'validated';
    // A plenary early in the year presents the previous year's bilan.
    const y = plan.date.getUTCFullYear() - (plan.date.getUTCMonth() <= 2 ? 1 : 0);
    const axisIds = [...new Set(this.actions.map((a) => a.axisId))];
    const byAxis = (i: number) => this.actions.filter((a) => a.axisId === axisIds[i]);
    const prefetName = plan.date < this.prefectChange ? 'M. Bernard Quillet, préfet' : 'M. Hervé Castaing, préfet';
    const open = this.section('Ouverture de la séance');
    const welcome = this.item('Accueil et introduction', 10, 'Mme Claire Morel, maire', written ? 'Mme la Maire ouvre la séance, remercie les partenaires de leur présence et rappelle les trois axes de la stratégie territoriale.' : '');
    const prefet = this.item('Intervention du représentant de l’État', 15, prefetName, written ? 'Le représentant de l’État souligne la mobilisation des partenaires et rappelle les priorités départementales : violences intrafamiliales, prévention de la délinquance des mineurs, tranquillité publique.' : '');
    const bilan = this.section(`Bilan de l’année ${y}`);
    const stats = this.item(
      'Statistiques annuelles de la délinquance',
      20,
      'M. Olivier Dubreuil, commissaire',
      written
        ? 'Atteintes aux biens en baisse de 8 % sur un an, notamment les cambriolages de résidences principales (–12 %). Violences intrafamiliales enregistrées en hausse de 9 %, ce qui traduit aussi une meilleure libération de la parole. Hausse des faits commis par des mineurs à la sortie des établissements.'
        : '',
    );
    const axisItems = DEMO_AXES.map((ax, i) =>
      this.item(`Bilan de l’axe ${i + 1} — ${ax.title}`, 15, 'M. Julien Perrin, coordonnateur', this.reviewNotes(byAxis(i).slice(0, 4).map((a) => a.spec.key), written), {
        axisId: axisIds[i],
        linkedActionIds: byAxis(i).slice(0, 4).map((a) => a.action.id),
      }),
    );
    const fipdr = this.item('Point sur le FIPD', 10, 'M. Karim Benali, délégué du préfet', written ? 'Six dossiers financés cette année pour un montant total de 48 500 € ; le dossier vidéoprotection n’a été que partiellement retenu.' : '');
    const orient = this.section(`Orientations pour ${y + 1}`);
    const orientations = this.item(
      `Orientations ${y + 1} et calendrier des instances`,
      20,
      'Mme Claire Morel, maire',
      written ? 'Priorités proposées : harcèlement scolaire, violences intrafamiliales (projet de Maison des femmes), présence de terrain dans le quartier des Tilleuls. Calendrier : quatre formations restreintes et une plénière.' : '',
    );
    const misc = this.item('Questions diverses', 10, 'Mme Claire Morel, maire', written ? 'L’union des commerçants demande un point sur l’éclairage de la rue du Commerce ; réponse des services techniques attendue.' : '');
    m.agenda = [open, welcome, prefet, bilan, stats, ...axisItems, fipdr, orient, orientations, misc];
    m.plannedEndTime = addMinutes(m.startTime, m.agenda.reduce((s, i) => s + i.durationMin, 0));
    if (written) {
      m.generalNotes = `Séance présidée par Mme Claire Morel, maire. Le quorum n’est pas requis ; ${m.invitees.length} membres invités.`;
      this.decision(m, 'decision', `Le bilan annuel ${y} est adopté à l’unanimité des membres présents.`, { item: axisItems[0], status: 'done' });
      this.decision(m, 'decision', `Les orientations ${y + 1} sont validées : harcèlement scolaire, violences intrafamiliales, quartier des Tilleuls.`, { item: orientations, status: 'done' });
      this.decision(m, 'action', 'Lancer les ateliers de prévention du harcèlement avec les élèves ambassadeurs dans les deux collèges.', {
        item: orientations,
        action: 'ambassadors',
        pilot: 'college',
        due: addDays(plan.date, 120),
        status: 'done',
      });
      this.decision(m, 'action', 'Présenter un calendrier révisé de l’extension de la vidéoprotection à la prochaine formation restreinte.', {
        item: fipdr,
        action: 'cameras',
        pilot: 'mairie',
        due: addDays(plan.date, 90),
        status: 'done',
      });
    }
  }

  private fillRestricted(m: Meeting, plan: MeetingPlan): void {
    const written = plan.status === 'held' || plan.status === 'validated';
    const axisIds = [...new Set(this.actions.map((a) => a.axisId))];
    const pick = (i: number) => this.actions.filter((a) => a.axisId === axisIds[i]);
    const intro = this.section('Introduction');
    const welcome = this.item('Accueil et adoption du relevé de décisions de la précédente réunion', 10, 'M. Patrick Vernier, adjoint au maire', written ? 'Le relevé de décisions de la précédente réunion est adopté sans modification.' : '');
    const follow = this.item('Suivi des décisions', 15, 'M. Julien Perrin, coordonnateur', written ? 'Les décisions de la précédente réunion sont passées en revue : la plupart sont réalisées, les autres sont reportées au prochain point.' : '');
    const review = this.section('Revue du plan d’actions');
    const axisItems = DEMO_AXES.map((ax, i) => {
      const list = pick(i);
      return this.item(`Axe ${i + 1} — ${ax.title}`, 25, 'M. Julien Perrin, coordonnateur', this.reviewNotes(list.map((a) => a.spec.key), written), {
        axisId: axisIds[i],
        linkedActionIds: list.map((a) => a.action.id),
      });
    });
    const other = this.section('Points divers');
    const fipdr = this.item(
      'Appel à projets FIPDR',
      15,
      'M. Karim Benali, délégué du préfet',
      written ? 'L’appel à projets est ouvert ; les dossiers doivent être déposés avant la fin du mois prochain. Priorité aux actions en faveur des mineurs et des victimes.' : '',
    );
    const prep = this.item('Préparation de la formation plénière', 10, 'M. Julien Perrin, coordonnateur', written ? 'Le bilan annuel sera présenté par axe ; chaque pilote transmet ses indicateurs trois semaines avant la plénière.' : '');
    const misc = this.item('Questions diverses', 5, 'M. Patrick Vernier, adjoint au maire', '');
    m.agenda = [intro, welcome, follow, review, ...axisItems, other, fipdr, prep, misc];
    m.plannedEndTime = addMinutes(m.startTime, m.agenda.reduce((s, i) => s + i.durationMin, 0));
    if (!written) {
      if (plan.status === 'convened') {
        welcome.chairNotes = 'Accueillir le nouveau préfet : rappeler la composition du CLSPDR et les trois axes.';
        axisItems[1].chairNotes = 'Insister sur le retard de la vidéoprotection et la reconduction de la médiation de soirée.';
      }
      return;
    }
    m.generalNotes = 'Réunion présidée par M. Patrick Vernier, adjoint au maire délégué à la tranquillité publique.';
    if (plan.key === 'restricted1') {
      this.decision(m, 'decision', 'Le projet de centre de supervision urbain mutualisé est abandonné au profit du déport des images vers le commissariat.', {
        item: axisItems[1],
        action: 'csu',
        status: 'done',
      });
      this.decision(m, 'action', 'Constituer le groupe projet de la Maison des femmes et en présenter le plan de financement.', {
        item: axisItems[2],
        action: 'womenHouse',
        pilot: 'femmes',
        due: addDays(plan.date, 120),
        status: 'done',
      });
    } else if (plan.key === 'restricted2') {
      this.decision(m, 'decision', 'Le dispositif de participation citoyenne est reporté dans l’attente du protocole type de la préfecture.', {
        item: axisItems[1],
        action: 'citizens',
        status: 'done',
      });
      this.decision(m, 'action', 'Étendre la surveillance aux abords des écoles aux deux groupes scolaires du quartier des Tilleuls dès la rentrée.', {
        item: axisItems[1],
        action: 'schoolGates',
        pilot: 'pm',
        due: addDays(plan.date, 90),
        status: 'done',
      });
    } else {
      this.decision(m, 'action', 'Relancer le dossier FIPDR de la vidéoprotection et présenter un calendrier révisé de la seconde tranche.', {
        item: axisItems[1],
        action: 'cameras',
        pilot: 'mairie',
        due: addDays(plan.date, 60),
      });
      this.decision(m, 'action', 'Programmer les dernières sessions de formation au repérage des violences intrafamiliales avant la fin de l’année.', {
        item: axisItems[2],
        action: 'training',
        pilot: 'victimes',
        due: addDays(plan.date, 75),
      });
      this.decision(m, 'action', 'Obtenir du pilote de l’action sur les travaux d’intérêt général un point d’étape écrit.', {
        item: axisItems[0],
        action: 'tig',
        pilot: 'mairie',
        due: addDays(plan.date, 30),
      });
      this.decision(m, 'decision', 'La reconduction de la médiation de soirée aux Tilleuls sera arbitrée avec les financeurs avant la plénière.', {
        item: axisItems[1],
        action: 'nightMediation',
      });
    }
  }

  /** « 2026-014 »: stored bare, shown as « situation n° 2026-014 » (as the meetings screens do). */
  private situationRef(year: number): string {
    const n = (this.situationCounter.get(year) ?? 0) + 1;
    this.situationCounter.set(year, n);
    return `${year}-${String(n).padStart(3, '0')}`;
  }

  private fillConfidential(
    m: Meeting,
    plan: MeetingPlan,
    followed: Map<InstanceKey, { ref: string; spec: SituationSpec; seen: number }[]>,
    pool: SituationSpec[],
  ): void {
    const rng = this.rng;
    const open = this.section('Ouverture');
    const charter = this.item(
      'Rappel de la charte déontologique',
      5,
      'M. Julien Perrin, coordonnateur',
      'Rappel des règles : seules les personnes signataires de la charte participent ; les situations sont désignées par leur numéro, jamais par un nom ; aucune information n’est transmise à des tiers (art. L132-5 du CSI).',
    );
    const follow = this.section('Suivi des situations');
    const current = followed.get(plan.instance) ?? [];
    const followItems: AgendaItem[] = [];
    const stillOpen: typeof current = [];
    for (const s of current) {
      const closing = s.seen > s.spec.followUps.length || (s.seen >= 1 && rng.chance(0.25));
      // Minimal notes (strict necessity): where the follow-up stands, never the story of the situation.
      const note = closing ? 'situation close, fin du suivi par la cellule.' : 'point d’étape fait par le référent, suivi poursuivi.';
      followItems.push(this.item(`Situation n° ${s.ref}`, 10, presenterFor(s.spec.pilot), `Situation n° ${s.ref} : ${note}`));
      if (!closing) stillOpen.push({ ...s, seen: s.seen + 1 });
    }
    const fresh = this.section('Situations nouvelles');
    const newCount = Math.min(pool.length, plan.instance === 'tilleuls' || !current.length ? 2 : 1);
    const newOnes = pool.splice(0, newCount).map((spec) => ({ ref: this.situationRef(plan.date.getUTCFullYear()), spec, seen: 1 }));
    const newItems = newOnes.map((s) =>
      this.item(`Situation n° ${s.ref}`, 15, presenterFor(s.spec.pilot), `Situation n° ${s.ref} : situation présentée par ${presenterFor(s.spec.pilot)} ; orientation décidée (voir le relevé).`),
    );
    const end = this.section('Décisions et prochaine réunion');
    const recap = this.item('Relevé des décisions', 5, 'M. Julien Perrin, coordonnateur', 'Les décisions sont relues en séance ; le relevé est diffusé aux seuls signataires de la charte.');
    m.agenda = [open, charter, follow, ...followItems, fresh, ...newItems, end, recap];
    m.plannedEndTime = addMinutes(m.startTime, m.agenda.reduce((s, i) => s + i.durationMin, 0));
    m.generalNotes = 'Relevé de décisions confidentiel — informations échangées au titre de l’article L132-5 du CSI. Aucune donnée nominative.';
    const validated = plan.status === 'validated';
    newOnes.forEach((s, i) =>
      this.decision(m, 'action', s.spec.decision, {
        item: newItems[i],
        pilot: s.spec.pilot,
        due: addDays(plan.date, 30),
        ref: s.ref,
        action: s.spec.action,
        status: validated ? 'done' : 'open',
      }),
    );
    followed.set(plan.instance, [...stillOpen, ...newOnes]);
  }

  /** A guest from outside the directory, a representative named by hand, an early departure, a visio link. */
  private addStoryDetails(m: Meeting, plan: MeetingPlan): void {
    if (plan.key === 'plenaryLast') {
      const guest: Invitee = {
        id: this.ids.make('inv'),
        guestName: 'Mme Lina Ferreira',
        guestOrganisation: 'Observatoire départemental de la délinquance',
        guestJobTitle: 'Chargée d’études',
        guestEmail: 'l.ferreira@observatoire-loire-et-brenne.example',
      };
      m.invitees.push(guest);
      m.attendance.push({ inviteeId: guest.id, status: 'present', arrivedAt: m.startTime });
      const early = m.attendance.find((a) => a.status === 'present' && a.inviteeId !== guest.id);
      if (early) early.leftAt = addMinutes(m.startTime, 75);
    }
    if (plan.key === 'restricted3') {
      const ien = m.invitees.find((i) => i.personId === this.person('ien'));
      const row = ien && m.attendance.find((a) => a.inviteeId === ien.id);
      if (row) {
        row.status = 'represented';
        row.representedByName = 'M. Rémi Collin, conseiller pédagogique de circonscription';
        delete row.arrivedAt;
      }
    }
    if (plan.key === 'restrictedNext') m.visioUrl = 'https://visio.valmont-sur-loire.example/clspdr-comite';
  }

  /** Same weekday, second week, `months` later — and after today. */
  private nextDate(d: Date, months: number): Date {
    for (let k = months; ; k += months) {
      const next = nthWeekdayOfMonth(d.getUTCFullYear(), d.getUTCMonth() + k, d.getUTCDay(), 2);
      if (next > this.today) return next;
    }
  }

  /** Attendance, times and lifecycle stamps, plus the next date for recurring bodies. */
  private finishMeeting(m: Meeting, plan: MeetingPlan, ordered: MeetingPlan[]): void {
    const rng = this.rng;
    const written = plan.status === 'held' || plan.status === 'validated';
    const substituteOf = new Map<string, string>();
    for (const mb of this.membersAt(plan.instance, plan.date)) {
      if (mb.seat !== 'substitute' || !mb.titularMembershipId) continue;
      const tit = this.memberships.find((x) => x.id === mb.titularMembershipId);
      if (tit) substituteOf.set(tit.personId, mb.personId);
    }
    const prefetIds = new Set([this.person('prefet'), this.person('prefetOld')]);
    m.attendance = m.invitees.map((inv): Attendance => {
      if (!written) return { inviteeId: inv.id, status: 'unknown' };
      const sub = inv.personId ? substituteOf.get(inv.personId) : undefined;
      if (inv.personId && prefetIds.has(inv.personId) && sub) return { inviteeId: inv.id, status: 'represented', representedByPersonId: sub };
      const r = rng.next();
      if (r < 0.08 && sub) return { inviteeId: inv.id, status: 'represented', representedByPersonId: sub };
      if (r < 0.16) return { inviteeId: inv.id, status: 'excused' };
      if (r < 0.2) return { inviteeId: inv.id, status: 'absent' };
      const a: Attendance = { inviteeId: inv.id, status: 'present', arrivedAt: m.startTime };
      if (rng.chance(0.1)) a.arrivedAt = addMinutes(m.startTime, 20);
      return a;
    });
    this.addStoryDetails(m, plan);
    if (plan.status === 'convened' || plan.status === 'draft') {
      m.updatedAt = this.at(addDays(this.today, -1), 16);
    }
    if (written) {
      m.heldAt = this.at(plan.date, Number(m.startTime.slice(0, 2)) + 2, 0);
      m.updatedAt = m.heldAt;
      const next = ordered.find((p) => p.instance === plan.instance && p.date > plan.date);
      const cadence = plan.instance === 'vif' ? 2 : plan.instance === 'restricted' ? 3 : plan.instance === 'plenary' ? 12 : 1;
      m.nextMeetingDate = isoDate(next ? next.date : this.nextDate(plan.date, cadence));
    }
    if (plan.status === 'validated') {
      const v = addDays(plan.date, 21);
      m.validatedAt = this.at(v < this.today ? v : addDays(this.today, -1), 11);
      m.updatedAt = m.validatedAt;
    }
  }
}

function fromIsoDay(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}


/** Presenter of a situation: the institution, never a person, in confidential minutes. */
function presenterFor(orgKey: string): string {
  return DEMO_ORGS.find((o) => o.key === orgKey)?.shortName ?? DEMO_ORGS.find((o) => o.key === orgKey)?.name ?? '';
}

function measureComment(scenario: ActionScenario, f: number): string | undefined {
  if (f >= 1 && scenario === 'done') return 'Valeur finale';
  if (scenario === 'late_behind' && f > 0.5) return 'En deçà de la trajectoire prévue';
  return undefined;
}

function progressComment(scenario: ActionScenario, c: number): string {
  if (scenario === 'late_behind' && c === 1) return 'Retard dû aux délais de financement.';
  if (scenario === 'late_overdue' && c === 1) return 'Activité maintenue, évaluation finale non rendue.';
  if (c < 0.5) return 'Point d’étape transmis par le pilote.';
  return 'Mise à jour transmise par le pilote.';
}
