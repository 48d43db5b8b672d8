// Large dataset generator for benchmarks (`clspd demo --scale 10y`): ten years of one council, closed periods archived.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  type Action,
  type AgendaItem,
  ArchiveFile,
  type Attendance,
  type Axis,
  Datastore,
  type Decision,
  type Instance,
  type Meeting,
  type MeetingStatus,
  type Membership,
  type Objective,
  type Organisation,
  type Person,
  SCHEMA_VERSION,
  type StrategyPeriod,
} from '../../../shared/model';
import { DomainError } from '../../../shared/result';
import { DATA_FILE } from '../../store/store';
import { archiveFileName } from '../../store/archives';
import { writeFileDurable } from '../../store/durable';
import { presetCategories } from '../categories';
import { addDays, addMinutes, daysBetween, emailLocal, IdFactory, isoDate, monthYear, Rng, stamp, utcDay } from './random';
import {
  ACTION_NOUNS,
  ACTION_OBJECTS,
  AXIS_THEMES,
  CELLULE_THEMES,
  CONF_DECISION_TEXTS,
  CONF_SENTENCES,
  DECISION_TEXTS,
  FIRST_NAMES,
  JOB_TITLES,
  LAST_NAMES,
  OBJECTIVE_TOPICS,
  OBJECTIVE_VERBS,
  ORG_PATTERNS,
  PLACES,
  PUBLICS,
  SENTENCES,
} from './scale-text';

export interface ScaleSummary {
  files: string[];
  instances: number;
  meetings: number;
  actions: number;
  partners: number;
}

/** Sizes of the generated council; the active file must stay around 3 MB (see ARCHITECTURE.md). */
export const TEN_YEAR_SHAPE = {
  organisations: 300,
  cellules: 38,
  actionsPerClosedPeriod: 790,
  actionsInActivePeriod: 630,
  targetMeetings: 600,
} as const;

/** « les Tilleuls » → « des Tilleuls », « la Gare » → « de la Gare », « Beaulieu » → « de Beaulieu ». */
function ofPlace(place: string): string {
  if (place.startsWith('les ')) return `des ${place.slice(4)}`;
  if (place.startsWith('le ')) return `du ${place.slice(3)}`;
  if (place.startsWith('la ')) return `de la ${place.slice(3)}`;
  return /^[AEIOUÉ]/.test(place) ? `d’${place}` : `de ${place}`;
}

/** Fills an organisation name pattern: « Commissariat de {n} », « Collège {n} », « {n} Habitat ». */
function placeName(pattern: string, place: string): string {
  if (pattern.startsWith('{n}')) return pattern.replace('{n}', place.replace(/^(les|le|la) /, '').replace(/^./, (c) => c.toUpperCase()));
  return pattern.replace(/(de )?\{n\}/, ofPlace(place));
}

/** File name of the archive of a closed period (the name closing a period writes). */
export { archiveFileName };

/** Writes the ten-year dataset into an empty data folder. */
export function writeTenYearDataset(dataDir: string, now: Date): ScaleSummary {
  if (existsSync(join(dataDir, DATA_FILE))) {
    throw new DomainError('conflict', `Le dossier ${dataDir} contient déjà des données Coordination CLSPD : rien n’a été modifié.`);
  }
  mkdirSync(dataDir, { recursive: true });
  const { active, archives } = new TenYearGenerator(now).build();
  const files: string[] = [];
  // Archives first: the active file, written last, is what makes the folder a datastore.
  for (const archive of archives) {
    const name = archiveFileName(archive.archiveOf);
    writeFileDurable(join(dataDir, name), JSON.stringify(ArchiveFile.parse(archive)));
    files.push(name);
  }
  writeFileDurable(join(dataDir, DATA_FILE), JSON.stringify(Datastore.parse(active)));
  files.unshift(DATA_FILE);
  return {
    files,
    instances: active.instances.length,
    meetings: active.meetings.length + archives.reduce((s, a) => s + a.meetings.length, 0),
    actions: active.actions.length + archives.reduce((s, a) => s + a.actions.length, 0),
    partners: active.organisations.length,
  };
}

interface PeriodParts {
  period: StrategyPeriod;
  axes: Axis[];
  objectives: Objective[];
  actions: Action[];
  meetings: Meeting[];
}

class TenYearGenerator {
  private readonly rng = new Rng(0x10ea5);
  private readonly ids = new IdFactory(0x10ea5 ^ 0xbeef);
  private readonly today: Date;
  private readonly nowIso: string;
  private readonly activeStart: number;
  private readonly dataStart: Date;
  private organisations: Organisation[] = [];
  private people: Person[] = [];
  private peopleByOrg = new Map<string, Person[]>();
  private instances: Instance[] = [];
  private memberships: Membership[] = [];
  private situationSeq = new Map<number, number>();

  constructor(now: Date) {
    this.today = utcDay(now);
    this.nowIso = now.toISOString();
    const y = this.today.getUTCFullYear();
    // The active period started at least three months ago, so it always holds some history.
    this.activeStart = this.today.getUTCMonth() >= 3 ? y : y - 1;
    this.dataStart = new Date(Date.UTC(this.activeStart - 9, 0, 1));
  }

  private at(d: Date, hh = 9, mm = 0): string {
    const s = stamp(d, hh, mm);
    return s > this.nowIso ? this.nowIso : s;
  }

  private dateBetween(a: Date, b: Date): Date {
    return addDays(a, this.rng.int(0, Math.max(0, daysBetween(a, b))));
  }

  private paragraph(pool: readonly string[], min: number, max: number): string {
    return this.rng.sample(pool, this.rng.int(min, max)).join(' ');
  }

  build(): { active: Datastore; archives: ArchiveFile[] } {
    const createdAt = this.at(this.dataStart, 9);
    this.buildDirectory(createdAt);
    this.buildInstances();
    this.buildMemberships();
    const parts: PeriodParts[] = [];
    for (let k = 3; k >= 0; k--) parts.push(this.buildPeriod(this.activeStart - 3 * k, k === 0));
    this.buildMeetings(parts);
    const activeParts = parts[parts.length - 1];
    const archives: ArchiveFile[] = parts.slice(0, -1).map((p) => ({
      schemaVersion: SCHEMA_VERSION,
      archiveOf: p.period.id,
      period: p.period,
      axes: p.axes,
      objectives: p.objectives,
      actions: p.actions,
      meetings: p.meetings,
    }));
    const active: Datastore = {
      schemaVersion: SCHEMA_VERSION,
      purgeLog: [],
      settings: {
        communeName: 'Valmont-sur-Loire',
        councilAcronym: 'CLSPDR',
        councilName: 'Conseil local de sécurité, de prévention de la délinquance et de la radicalisation',
        presidentName: 'Claire Morel',
        presidentTitle: 'Maire de Valmont-sur-Loire, présidente du CLSPDR',
        coordinatorName: 'Julien Perrin',
        coordinatorEmail: 'clspdr@valmont-sur-loire.example',
        coordinatorPhone: '02 61 91 20 26',
        address: 'Place de l’Hôtel-de-Ville, 49480 Valmont-sur-Loire',
        activePeriodId: activeParts.period.id,
        staleAfterMonths: 3,
        configured: true,
        demo: true,
      },
      categories: presetCategories(),
      organisations: this.organisations,
      people: this.people,
      instances: this.instances,
      memberships: this.memberships,
      periods: parts.map((p) => p.period),
      axes: activeParts.axes,
      objectives: activeParts.objectives,
      actions: activeParts.actions,
      meetings: activeParts.meetings,
    };
    return { active, archives };
  }

  // ---------- directory ----------
  private buildDirectory(createdAt: string): void {
    const rng = this.rng;
    const categories = presetCategories().map((c) => c.id);
    const weights: Record<string, number> = { education: 4, association: 5, commune: 3, quartier: 2, police_nationale: 2, justice: 2, departement: 2 };
    const bag = categories.flatMap((c) => Array<string>(weights[c] ?? 1).fill(c));
    const names = new Set<string>();
    for (let i = 0; i < TEN_YEAR_SHAPE.organisations; i++) {
      const categoryId = i < categories.length ? categories[i] : rng.pick(bag);
      let name = placeName(rng.pick(ORG_PATTERNS[categoryId] ?? ORG_PATTERNS.other), rng.pick(PLACES));
      for (let n = 2; names.has(name); n++) name = `${name.replace(/ \(\d+\)$/, '')} (${n})`;
      names.add(name);
      const id = this.ids.make('org');
      const domain = `${emailLocal('x', name).slice(2, 30).replace(/^-+|-+$/g, '') || 'partenaire'}.example`;
      const org: Organisation = {
        id,
        name,
        categoryId,
        address: `${rng.int(1, 120)} rue ${rng.pick(['des Écoles', 'de la Gare', 'du Port', 'Nationale', 'des Lilas', 'de la Mairie'])}, 49480 Valmont-sur-Loire`,
        email: `contact@${domain}`,
        phone: `02 61 91 ${String(rng.int(0, 99)).padStart(2, '0')} ${String(rng.int(0, 99)).padStart(2, '0')}`,
        archived: rng.chance(0.04),
        createdAt,
        updatedAt: createdAt,
      };
      if (rng.chance(0.15)) org.officeHolderChangedAt = isoDate(this.dateBetween(addDays(this.today, -900), addDays(this.today, -10)));
      this.organisations.push(org);
      const list: Person[] = [];
      const count = rng.int(1, 3);
      for (let p = 0; p < count; p++) {
        const firstName = rng.pick(FIRST_NAMES);
        const lastName = rng.pick(LAST_NAMES);
        const person: Person = {
          id: this.ids.make('per'),
          organisationId: id,
          civility: /[ae]$/.test(firstName) && !['Baptiste', 'Rémi', 'Yves'].includes(firstName) ? 'Mme' : 'M.',
          firstName,
          lastName,
          jobTitle: rng.pick(JOB_TITLES[categoryId] ?? JOB_TITLES.other),
          email: `${emailLocal(firstName, lastName)}@${domain}`,
          phone: `06 39 98 ${String(rng.int(0, 99)).padStart(2, '0')} ${String(rng.int(0, 99)).padStart(2, '0')}`,
          createdAt,
          updatedAt: createdAt,
        };
        if (rng.chance(0.08)) person.leftAt = isoDate(this.dateBetween(addDays(this.dataStart, 400), addDays(this.today, -30)));
        list.push(person);
        this.people.push(person);
      }
      this.peopleByOrg.set(id, list);
    }
  }

  // ---------- instances and memberships ----------
  private instance(fields: Omit<Instance, 'id' | 'createdAt' | 'updatedAt'>, created: Date): Instance {
    const inst: Instance = { id: this.ids.make('ins'), ...fields, createdAt: this.at(created, 10), updatedAt: this.at(created, 10) };
    this.instances.push(inst);
    return inst;
  }

  private buildInstances(): void {
    const rng = this.rng;
    this.instance({ name: 'Formation plénière', kind: 'plenary', confidentiality: 'public', status: 'active', cadence: 'Au moins une fois par an' }, this.dataStart);
    this.instance(
      { name: 'Formation restreinte (comité de pilotage)', kind: 'restricted', confidentiality: 'restricted', status: 'active', cadence: 'Trimestrielle' },
      this.dataStart,
    );
    const span = daysBetween(this.dataStart, this.today);
    // A theme that comes back gets a new cellule, named after its year of creation.
    const names = new Set<string>();
    const uniqueName = (name: string, year: number) => {
      const unique = names.has(name) ? `${name} (${year})` : name;
      names.add(name);
      return unique;
    };
    for (let i = 0; i < TEN_YEAR_SHAPE.cellules; i++) {
      const theme = CELLULE_THEMES[i % CELLULE_THEMES.length];
      const territorial = rng.chance(0.35);
      const place = rng.pick(PLACES);
      // Spread creations over the ten years; the last ones are still active.
      const created = addDays(this.dataStart, Math.round((span * i) / TEN_YEAR_SHAPE.cellules) + rng.int(0, 60));
      const life = rng.int(420, 1500);
      const closedAt = addDays(created, life);
      const closed = closedAt < addDays(this.today, -15);
      const inst = this.instance(
        {
          name: uniqueName(territorial ? `Cellule de veille du quartier ${ofPlace(place)}` : `Cellule de veille ${theme}`, created.getUTCFullYear()),
          kind: 'working_group',
          theme: territorial ? undefined : theme,
          territory: territorial ? `Quartier ${ofPlace(place)}` : undefined,
          confidentiality: rng.chance(0.75) ? 'confidential' : 'restricted',
          purpose: `Examen des situations liées à ${territorial ? `la tranquillité du quartier ${ofPlace(place)}` : `la thématique « ${theme} »`} et coordination des réponses.`,
          cadence: rng.pick(['Mensuelle', 'Tous les deux mois', 'À la demande']),
          status: closed ? 'closed' : 'active',
        },
        created,
      );
      if (inst.theme === undefined) delete inst.theme;
      if (inst.territory === undefined) delete inst.territory;
      if (closed) {
        inst.closedAt = isoDate(closedAt);
        inst.closedReason = rng.pick(['Phénomène résorbé', 'Suivi repris par la formation restreinte', 'Fusion avec une autre cellule']);
        inst.updatedAt = this.at(closedAt, 10);
      }
    }
  }

  private instanceEnd(inst: Instance): Date {
    return inst.closedAt ? new Date(`${inst.closedAt}T00:00:00Z`) : addDays(this.today, 120);
  }

  private buildMemberships(): void {
    const rng = this.rng;
    const orgs = this.organisations.filter((o) => !o.archived);
    for (const inst of this.instances) {
      const start = new Date(inst.createdAt.slice(0, 10) + 'T00:00:00Z');
      const end = this.instanceEnd(inst);
      const seats = inst.kind === 'plenary' ? 32 : inst.kind === 'restricted' ? 14 : rng.int(6, 12);
      const chosen = rng.sample(orgs, seats);
      chosen.forEach((org, i) => {
        const people = this.peopleByOrg.get(org.id)!;
        // Office holders change: up to three successive titulars per seat.
        let from = start;
        const turns = rng.int(1, 3);
        for (let t = 0; t < turns && from < end; t++) {
          const until = t === turns - 1 ? undefined : this.dateBetween(addDays(from, 200), addDays(from, 1200));
          const last = until === undefined || until >= end;
          const role: Membership['role'] =
            inst.kind === 'plenary' && i < 2 ? 'ex_officio' : rng.pick(['designated', 'designated', 'associated', 'qualified'] as const);
          const titular: Membership = {
            id: this.ids.make('mbr'),
            instanceId: inst.id,
            personId: people[t % people.length].id,
            organisationId: org.id,
            role,
            seat: 'titular',
            startDate: isoDate(from),
          };
          const stop = last ? (inst.closedAt ? end : undefined) : until;
          if (stop) titular.endDate = isoDate(stop);
          if (inst.confidentiality === 'confidential' && rng.chance(0.93)) titular.charterSignedAt = isoDate(addDays(from, rng.int(0, 20)));
          this.memberships.push(titular);
          if (people.length > 1 && rng.chance(0.3)) {
            const sub: Membership = {
              ...titular,
              id: this.ids.make('mbr'),
              personId: people[(t + 1) % people.length].id,
              seat: 'substitute',
              titularMembershipId: titular.id,
            };
            this.memberships.push(sub);
          }
          if (last || !until) break;
          from = addDays(until, 1);
        }
      });
    }
  }

  private membersAt(instanceId: string, day: string): Membership[] {
    return this.memberships.filter((m) => m.instanceId === instanceId && m.startDate <= day && (!m.endDate || m.endDate >= day));
  }

  // ---------- strategy ----------
  private buildPeriod(startYear: number, active: boolean): PeriodParts {
    const rng = this.rng;
    const id = this.ids.make('prd');
    const endYear = startYear + 2;
    const period: StrategyPeriod = {
      id,
      title: `Stratégie territoriale ${startYear}–${endYear}`,
      startYear,
      endYear,
      status: active ? 'active' : 'closed',
    };
    if (!active) {
      period.closedAt = `${endYear + 1}-01-15`;
      period.archiveFile = archiveFileName(id);
    }
    const axisCount = rng.int(3, 5);
    const themes = rng.sample(AXIS_THEMES, axisCount);
    const axes: Axis[] = themes.map((title, i) => ({
      id: this.ids.make('axe'),
      periodId: id,
      order: i + 1,
      title,
      colour: ['#1f5fa8', '#b35c00', '#2e7d5b', '#7a3e9d', '#a83250'][i],
      description: this.paragraph(SENTENCES, 1, 2),
      archived: false,
    }));
    const objectives: Objective[] = [];
    for (const axis of axes) {
      const n = rng.int(4, 6);
      for (let o = 0; o < n; o++) {
        objectives.push({
          id: this.ids.make('obj'),
          axisId: axis.id,
          order: o + 1,
          title: `${rng.pick(OBJECTIVE_VERBS)} ${rng.pick(OBJECTIVE_TOPICS)}`,
          description: this.paragraph(SENTENCES, 1, 1),
          archived: false,
        });
      }
    }
    const count = active ? TEN_YEAR_SHAPE.actionsInActivePeriod : TEN_YEAR_SHAPE.actionsPerClosedPeriod;
    const perObjective = new Map<string, number>();
    const actions: Action[] = [];
    const pStart = new Date(Date.UTC(startYear, 0, 1));
    const pEnd = new Date(Date.UTC(endYear, 11, 31));
    for (let i = 0; i < count; i++) {
      const obj = objectives[i % objectives.length];
      const axis = axes.find((a) => a.id === obj.axisId)!;
      const order = (perObjective.get(obj.id) ?? 0) + 1;
      perObjective.set(obj.id, order);
      actions.push(this.buildAction(id, obj, axis, order, pStart, pEnd, active));
    }
    return { period, axes, objectives, actions, meetings: [] };
  }

  private buildAction(periodId: string, obj: Objective, axis: Axis, order: number, pStart: Date, pEnd: Date, active: boolean): Action {
    const rng = this.rng;
    const start = this.dateBetween(pStart, addDays(pEnd, -200));
    const end = this.dateBetween(addDays(start, 90), addDays(start, 900) < pEnd ? addDays(start, 900) : pEnd);
    const today = this.today;
    let status: Action['status'];
    let progress: number;
    if (!active) {
      const r = rng.next();
      status = r < 0.72 ? 'done' : r < 0.84 ? 'abandoned' : r < 0.9 ? 'postponed' : 'in_progress';
    } else if (start > today) status = 'planned';
    else if (end < today) status = rng.chance(0.7) ? 'done' : 'in_progress';
    else {
      const r = rng.next();
      status = r < 0.06 ? 'postponed' : r < 0.09 ? 'abandoned' : 'in_progress';
    }
    const span = Math.max(1, daysBetween(start, end));
    const expected = Math.min(100, Math.max(0, (daysBetween(start, today) / span) * 100));
    if (status === 'done') progress = 100;
    else if (status === 'planned') progress = 0;
    else progress = Math.max(0, Math.min(95, Math.round(expected + rng.int(-40, 10))));
    const stop = end < today ? end : today;
    const orgs = rng.sample(this.organisations, rng.int(2, 5));
    const pilotPeople = this.peopleByOrg.get(orgs[0].id)!;
    const measureCount = status === 'planned' ? 0 : rng.int(2, 6);
    const indicators = Array.from({ length: rng.int(1, 2) }, (_, k) => {
      const target = rng.int(10, 500);
      const baseline = rng.int(0, Math.floor(target / 3));
      return {
        id: this.ids.make('ind'),
        title: k === 0 ? `Bénéficiaires — ${rng.pick(PUBLICS).toLowerCase()}` : 'Séances réalisées',
        definition: 'Nombre cumulé depuis le début de l’action.',
        unit: k === 0 ? 'personnes' : 'séances',
        type: rng.pick(['output', 'outcome', 'impact'] as const),
        baseline,
        target,
        targetDate: isoDate(end),
        source: 'Tableau de suivi du pilote',
        frequency: rng.pick(['Trimestrielle', 'Semestrielle', 'Annuelle']),
        responsibleOrganisationId: orgs[0].id,
        measurements: Array.from({ length: measureCount }, (_, m) => {
          const d = addDays(start, Math.round((daysBetween(start, stop) * (m + 1)) / (measureCount + 1)));
          return { id: this.ids.make('mes'), date: isoDate(d), value: Math.round(baseline + ((target - baseline) * (m + 1)) / (measureCount + 1) * (0.6 + rng.next() * 0.6)) };
        }),
      };
    });
    const journal: Action['journal'] = [{ id: this.ids.make('jrn'), at: this.at(addDays(pStart, 40), 10), field: 'created', comment: 'Fiche action adoptée avec la stratégie territoriale.' }];
    if (status !== 'planned') {
      journal.push({ id: this.ids.make('jrn'), at: this.at(start, 11), field: 'status', from: 'planned', to: 'in_progress' });
      const steps = rng.int(1, 3);
      for (let s = 1; s <= steps; s++) {
        const d = addDays(start, Math.round((daysBetween(start, stop) * s) / (steps + 1)));
        journal.push({
          id: this.ids.make('jrn'),
          at: this.at(d, 14),
          field: 'progress',
          from: String(Math.round((progress * (s - 1)) / steps)),
          to: String(Math.round((progress * s) / steps)),
          comment: rng.pick(SENTENCES),
        });
      }
      if (status !== 'in_progress') journal.push({ id: this.ids.make('jrn'), at: this.at(stop, 16), field: 'status', from: 'in_progress', to: status });
    }
    const lastUpdateAt = journal[journal.length - 1].at;
    const obtainedShare = 0.5 + rng.next() * 0.5;
    return {
      id: this.ids.make('act'),
      periodId,
      objectiveId: obj.id,
      code: `A${axis.order}.${obj.order}.${order}`,
      title: `${rng.pick(ACTION_NOUNS)} ${rng.pick(ACTION_OBJECTS)} — ${rng.pick(PLACES)}`,
      nationalMeasures: rng.chance(0.5) ? [`SNPD — axe ${rng.int(1, 4)}`] : [],
      context: this.paragraph(SENTENCES, 1, 2),
      description: this.paragraph(SENTENCES, 1, 2),
      modalities: this.paragraph(SENTENCES, 1, 1),
      pilot: { organisationId: orgs[0].id, personId: pilotPeople[0].id },
      partners: orgs.slice(1).map((o) => ({ organisationId: o.id, role: rng.pick(['associate', 'funder', 'operator', 'other'] as const) })),
      targetPublic: rng.pick(PUBLICS),
      territory: rng.chance(0.5) ? 'Ensemble de la commune' : `Quartier ${ofPlace(rng.pick(PLACES))}`,
      startDate: isoDate(start),
      endDate: isoDate(end),
      milestones: Array.from({ length: rng.int(1, 3) }, (_, m) => {
        const due = addDays(start, Math.round((span * (m + 1)) / 4));
        const ms: Action['milestones'][number] = { id: this.ids.make('jal'), title: rng.pick(['Lancement', 'Bilan intermédiaire', 'Comité de suivi', 'Évaluation']), dueDate: isoDate(due) };
        if (due < stop && status !== 'planned') ms.doneAt = isoDate(due);
        return ms;
      }),
      means: this.paragraph(SENTENCES, 1, 1),
      funding: Array.from({ length: rng.int(1, 3) }, (_, f) => {
        const requested = rng.int(5, 80) * 500;
        const obtained = Math.round(requested * obtainedShare);
        return {
          id: this.ids.make('fin'),
          funder: ['fipdr', 'commune', 'caf', 'departement', 'politique_ville'][(f + order) % 5],
          year: start.getUTCFullYear(),
          requested,
          obtained,
          spent: status === 'done' ? obtained : Math.round(obtained * (progress / 100)),
        };
      }),
      indicators,
      status,
      progress,
      followingInstanceId: this.instances[rng.chance(0.7) ? 1 : 0].id,
      attachments: [],
      journal,
      lastUpdateAt,
      archived: false,
      createdAt: journal[0].at,
      updatedAt: lastUpdateAt,
    };
  }

  // ---------- meetings ----------
  private buildMeetings(parts: PeriodParts[]): void {
    const rng = this.rng;
    const horizon = addDays(this.today, 60);
    const plans: { inst: Instance; date: Date }[] = [];
    for (const inst of this.instances) {
      const start = new Date(`${inst.createdAt.slice(0, 10)}T00:00:00Z`);
      const end = inst.closedAt ? new Date(`${inst.closedAt}T00:00:00Z`) : horizon;
      const step = inst.kind === 'plenary' ? 182 : inst.kind === 'restricted' ? 91 : inst.cadence === 'Mensuelle' ? 42 : 63;
      for (let d = addDays(start, rng.int(10, 40)); d <= end && d <= horizon; d = addDays(d, step + rng.int(-7, 7))) {
        plans.push({ inst, date: d });
      }
    }
    // Keep about the target number of meetings (drop evenly among cellule meetings if there are too many).
    let excess = plans.length - TEN_YEAR_SHAPE.targetMeetings;
    const kept = plans.filter((p) => {
      if (excess > 0 && p.inst.kind === 'working_group' && rng.chance(excess / plans.length + 0.05)) {
        excess--;
        return false;
      }
      return true;
    });
    kept.sort((a, b) => a.date.getTime() - b.date.getTime());
    for (const p of kept) {
      const year = p.date.getUTCFullYear();
      const part = parts.find((x) => year >= x.period.startYear && year <= x.period.endYear) ?? parts[parts.length - 1];
      part.meetings.push(this.buildMeeting(p.inst, p.date, part));
    }
  }

  private buildMeeting(inst: Instance, date: Date, part: PeriodParts): Meeting {
    const rng = this.rng;
    const day = isoDate(date);
    const confidential = inst.confidentiality === 'confidential';
    const past = daysBetween(date, this.today);
    const status: MeetingStatus = past > 45 ? 'validated' : past > 0 ? 'held' : past > -30 ? 'convened' : 'draft';
    const written = status === 'held' || status === 'validated';
    const startTime = rng.pick(['09:30', '14:00', '17:30']);
    const members = this.membersAt(inst.id, day).filter((m) => m.seat === 'titular');
    const invitees = members.map((m) => ({ id: this.ids.make('inv'), personId: m.personId, organisationId: m.organisationId }));
    const itemCount = rng.int(10, 40);
    const agenda: AgendaItem[] = [];
    const sectionEvery = rng.int(4, 9);
    const candidates = part.actions;
    for (let i = 0; i < itemCount; i++) {
      if (i % sectionEvery === 0) {
        agenda.push({ id: this.ids.make('itm'), kind: 'section', title: confidential ? rng.pick(['Suivi des situations', 'Situations nouvelles', 'Décisions']) : `Axe ${rng.int(1, part.axes.length)} — revue des actions`, durationMin: 0, linkedActionIds: [], notes: '' });
        continue;
      }
      const linked = !confidential && candidates.length && rng.chance(0.6) ? rng.pick(candidates) : undefined;
      let title: string;
      if (confidential) title = `Situation n° ${date.getUTCFullYear()}-${String(this.nextSituation(date.getUTCFullYear())).padStart(3, '0')}`;
      else title = linked ? `${linked.code} ${linked.title}` : rng.pick(['Suivi des décisions', 'Point sur le FIPDR', 'Statistiques de la délinquance', 'Questions diverses', 'Calendrier des instances']);
      agenda.push({
        id: this.ids.make('itm'),
        kind: 'item',
        title: title.slice(0, 300),
        durationMin: rng.pick([5, 10, 10, 15, 20]),
        presenter: rng.pick(this.organisations).name,
        linkedActionIds: linked ? [linked.id] : [],
        notes: written ? this.paragraph(confidential ? CONF_SENTENCES : SENTENCES, 2, 4) : '',
      });
    }
    const attendance: Attendance[] = invitees.map((inv) => {
      if (!written) return { inviteeId: inv.id, status: 'unknown' };
      const r = rng.next();
      if (r < 0.75) return { inviteeId: inv.id, status: 'present', arrivedAt: startTime };
      if (r < 0.88) return { inviteeId: inv.id, status: 'excused' };
      if (r < 0.95) return { inviteeId: inv.id, status: 'absent' };
      return { inviteeId: inv.id, status: 'represented', representedByName: `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}` };
    });
    const items = agenda.filter((a) => a.kind === 'item');
    const decisions: Decision[] = written
      ? Array.from({ length: rng.int(2, 8) }, () => {
          const item = rng.pick(items);
          const d: Decision = {
            id: this.ids.make('dec'),
            agendaItemId: item.id,
            kind: rng.chance(0.6) ? 'action' : 'decision',
            text: rng.pick(confidential ? CONF_DECISION_TEXTS : DECISION_TEXTS),
            pilotOrganisationId: rng.pick(this.organisations).id,
            dueDate: isoDate(addDays(date, rng.int(20, 120))),
            status: status === 'validated' && rng.chance(0.8) ? 'done' : 'open',
            createdAt: this.at(date, 15),
          };
          if (confidential) d.situationRef = item.title.replace(/^Situation n° /, '');
          if (item.linkedActionIds.length) d.actionId = item.linkedActionIds[0];
          return d;
        })
      : [];
    const minutes = agenda.reduce((s, a) => s + a.durationMin, 0);
    const meeting: Meeting = {
      id: this.ids.make('mtg'),
      instanceId: inst.id,
      title: `${inst.name} — ${monthYear(date)}`,
      date: day,
      startTime,
      plannedEndTime: addMinutes(startTime, minutes),
      place: rng.pick(['Hôtel de ville — salle du conseil', 'Salle des commissions', 'Centre social', 'Maison de justice et du droit']),
      confidentiality: inst.confidentiality,
      status,
      agenda,
      invitees,
      attendance,
      decisions,
      generalNotes: written ? this.paragraph(confidential ? CONF_SENTENCES : SENTENCES, 1, 2) : '',
      createdAt: this.at(addDays(date, -30), 9),
      updatedAt: this.at(written ? addDays(date, 1) : addDays(this.today, -1), 9),
    };
    if (written) {
      meeting.heldAt = this.at(date, Number(startTime.slice(0, 2)) + 2);
      meeting.nextMeetingDate = isoDate(addDays(date, inst.kind === 'plenary' ? 182 : 60));
    }
    if (status === 'validated') meeting.validatedAt = this.at(addDays(date, 21), 11);
    return meeting;
  }

  private nextSituation(year: number): number {
    const n = (this.situationSeq.get(year) ?? 0) + 1;
    this.situationSeq.set(year, n);
    return n;
  }
}
