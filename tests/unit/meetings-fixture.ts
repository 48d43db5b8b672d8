// Test fixture for the meetings and instances tests: a small council with partners, people, axes and actions.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildNewCouncil } from '../../src/main/services/app';
import { createContext, type ServiceContext } from '../../src/main/services/context';
import { Store } from '../../src/main/store/store';
import type { Action, Datastore } from '../../src/shared/model';

export interface Fixture {
  store: Store;
  ctx: ServiceContext;
  dir: string;
  ids: {
    plenary: string;
    restricted: string;
    prefecture: string;
    police: string;
    college: string;
    ccas: string;
    prefet: string;
    commissaire: string;
    principal: string;
    cpe: string;
    ccasDir: string;
    axis1: string;
    objective1: string;
    action1: string;
  };
}

const at = '2026-01-05T09:00:00.000Z';

function action(id: string, periodId: string, objectiveId: string, code: string, title: string, pilot: string): Action {
  return {
    id, periodId, objectiveId, code, title, nationalMeasures: [], pilot: { organisationId: pilot }, partners: [], milestones: [], funding: [], indicators: [],
    status: 'in_progress', progress: 30, attachments: [], journal: [], lastUpdateAt: at, archived: false, createdAt: at, updatedAt: at,
  };
}

export function buildFixtureDoc(): { doc: Datastore; ids: Fixture['ids'] } {
  const doc = buildNewCouncil(
    { communeName: 'Valmont', councilAcronym: 'CLSPD', presidentName: 'Claire Morel', coordinatorName: 'Julien Perrin', periodStartYear: 2024, periodEndYear: 2026, axes: ['Jeunesse', 'Tranquillité publique', 'Personnes vulnérables'] },
    at,
  );
  const org = (id: string, name: string, categoryId: string) => doc.organisations.push({ id, name, categoryId, archived: false, createdAt: at, updatedAt: at });
  org('org_pref', 'Préfecture du Loiret', 'prefecture');
  org('org_pol', 'Police municipale de Valmont', 'police_municipale');
  org('org_col', 'Collège Jean Moulin', 'education');
  org('org_ccas', 'CCAS de Valmont', 'commune');
  const per = (id: string, organisationId: string, firstName: string, lastName: string, jobTitle: string) =>
    doc.people.push({ id, organisationId, civility: 'Mme', firstName, lastName, jobTitle, createdAt: at, updatedAt: at });
  per('p_prefet', 'org_pref', 'Anne', 'Roux', 'Préfète');
  per('p_comm', 'org_pol', 'Marc', 'Blanc', 'Chef de service');
  per('p_princ', 'org_col', 'Léa', 'Martin', 'Principale');
  per('p_cpe', 'org_col', 'Paul', 'Durand', 'CPE');
  per('p_ccas', 'org_ccas', 'Nina', 'Petit', 'Directrice');
  const axis1 = doc.axes[0].id;
  doc.objectives.push({ id: 'obj_1', axisId: axis1, order: 1, title: 'Prévenir le harcèlement scolaire', archived: false });
  doc.actions.push(action('act_1', doc.periods[0].id, 'obj_1', 'A1.1.1', 'Interventions en classe sur le harcèlement', 'org_col'));
  const plenary = doc.instances.find((i) => i.kind === 'plenary')!.id;
  const restricted = doc.instances.find((i) => i.kind === 'restricted')!.id;
  doc.memberships.push(
    { id: 'm_prefet', instanceId: plenary, personId: 'p_prefet', organisationId: 'org_pref', role: 'ex_officio', seat: 'titular', startDate: '2024-01-01' },
    { id: 'm_comm', instanceId: plenary, personId: 'p_comm', organisationId: 'org_pol', role: 'designated', seat: 'titular', startDate: '2024-01-01' },
    { id: 'm_princ', instanceId: plenary, personId: 'p_princ', organisationId: 'org_col', role: 'associated', seat: 'titular', startDate: '2024-01-01' },
    { id: 'm_cpe', instanceId: plenary, personId: 'p_cpe', organisationId: 'org_col', role: 'associated', seat: 'substitute', titularMembershipId: 'm_princ', startDate: '2024-01-01' },
  );
  return {
    doc,
    ids: {
      plenary, restricted, prefecture: 'org_pref', police: 'org_pol', college: 'org_col', ccas: 'org_ccas', prefet: 'p_prefet', commissaire: 'p_comm',
      principal: 'p_princ', cpe: 'p_cpe', ccasDir: 'p_ccas', axis1, objective1: 'obj_1', action1: 'act_1',
    },
  };
}

/** Opens a fresh store in a temp folder with the fixture; the clock is fixed unless `now` is given. */
export async function openFixture(now: () => Date = () => new Date('2026-03-10T10:00:00.000Z')): Promise<Fixture> {
  const dir = mkdtempSync(join(tmpdir(), 'clspd-'));
  const store = Store.open(dir, { owner: 'test' });
  const { doc, ids } = buildFixtureDoc();
  await store.initialise(doc);
  const ctx = createContext(store, {}, now);
  return { store, ctx, dir, ids };
}
