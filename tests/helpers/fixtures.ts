// Test fixtures: temporary data folders, file hashes and a small but complete valid datastore.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { unzipSync } from 'fflate';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { presetCategories } from '../../src/main/services/categories';
import { newEmptyDatastore } from '../../src/main/store/store';
import { Datastore, type Action, type Meeting } from '../../src/shared/model';

const made: string[] = [];

/** A fresh temporary folder, removed by `cleanTempDirs()`. */
export function tempDir(prefix = 'clspd-'): string {
  const d = mkdtempSync(join(tmpdir(), prefix));
  made.push(d);
  return d;
}

export function cleanTempDirs(): void {
  while (made.length) rmSync(made.pop()!, { recursive: true, force: true });
}

export function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/** The bytes of one file inside a complete backup (zip), or undefined when it is not there. */
export function backupEntry(backupFile: string, name: string): Buffer | undefined {
  const entries = unzipSync(readFileSync(backupFile), { filter: (f) => f.name === name });
  return entries[name] ? Buffer.from(entries[name]) : undefined;
}

/** SHA-256 of one file inside a complete backup ('' when absent). */
export function backupEntryHash(backupFile: string, name: string): string {
  const b = backupEntry(backupFile, name);
  return b ? createHash('sha256').update(b).digest('hex') : '';
}

const AT = '2026-01-15T10:00:00.000Z';

function meeting(id: string, instanceId: string, confidentiality: Meeting['confidentiality'], status: Meeting['status'], date: string): Meeting {
  return {
    id,
    instanceId,
    title: `Réunion ${id}`,
    date,
    startTime: '14:30',
    confidentiality,
    status,
    agenda: [],
    invitees: [{ id: `${id}-inv1`, organisationId: 'org_mairie' }],
    attendance: [],
    decisions: [],
    generalNotes: '',
    createdAt: AT,
    updatedAt: AT,
  };
}

function action(id: string, code: string, followingInstanceId?: string): Action {
  return {
    id,
    periodId: 'per_1',
    objectiveId: 'obj_1',
    code,
    title: `Action ${code}`,
    nationalMeasures: [],
    pilot: { organisationId: 'org_police' },
    partners: [],
    milestones: [],
    funding: [],
    indicators: [],
    status: 'in_progress',
    progress: 40,
    ...(followingInstanceId ? { followingInstanceId } : {}),
    attachments: [],
    journal: [],
    lastUpdateAt: AT,
    archived: false,
    createdAt: AT,
    updatedAt: AT,
  };
}

/**
 * A valid datastore with three instances (public, restricted, confidential), a meeting in each, three actions
 * (one followed by the confidential group, one by none), three partners and two contacts. `org_police` pilots
 * an action; `org_mairie` is invited to meetings; `org_libre` is referenced nowhere.
 */
export function sampleDatastore(): Datastore {
  const doc = newEmptyDatastore();
  doc.settings = { ...doc.settings, communeName: 'Valbourg', presidentName: 'Anne Exemple', configured: true, activePeriodId: 'per_1' };
  doc.categories = presetCategories();
  const cat = doc.categories[0].id;
  doc.organisations = [
    { id: 'org_mairie', name: 'Mairie de Valbourg', categoryId: cat, archived: false, createdAt: AT, updatedAt: AT },
    { id: 'org_police', name: 'Police municipale', categoryId: cat, archived: false, createdAt: AT, updatedAt: AT },
    { id: 'org_libre', name: 'Association Libre Parcours', categoryId: cat, archived: true, createdAt: AT, updatedAt: AT },
  ];
  doc.people = [
    { id: 'per_a', organisationId: 'org_libre', civility: 'Mme', firstName: 'Léa', lastName: 'Fictive', createdAt: AT, updatedAt: AT },
    { id: 'per_b', organisationId: 'org_mairie', civility: 'M.', firstName: 'Paul', lastName: 'Imaginaire', createdAt: AT, updatedAt: AT },
  ];
  doc.instances = [
    { id: 'ins_pleniere', name: 'Formation plénière', kind: 'plenary', confidentiality: 'public', status: 'active', createdAt: AT, updatedAt: AT },
    { id: 'ins_restreinte', name: 'Formation restreinte', kind: 'restricted', confidentiality: 'restricted', status: 'active', createdAt: AT, updatedAt: AT },
    { id: 'ins_vif', name: 'Cellule VIF', kind: 'working_group', confidentiality: 'confidential', status: 'active', createdAt: AT, updatedAt: AT },
  ];
  doc.periods = [{ id: 'per_1', title: 'Stratégie 2023–2026', startYear: 2023, endYear: 2026, status: 'active' }];
  doc.axes = [{ id: 'axe_1', periodId: 'per_1', order: 1, title: 'Jeunesse', colour: '#1f5fa8', archived: false }];
  doc.objectives = [{ id: 'obj_1', axisId: 'axe_1', order: 1, title: 'Prévenir le décrochage', archived: false }];
  doc.actions = [action('act_1', '1.1.1', 'ins_vif'), action('act_2', '1.1.2'), action('act_3', '1.1.3', 'ins_restreinte')];
  doc.meetings = [
    meeting('mee_1', 'ins_pleniere', 'public', 'validated', '2025-12-02'),
    meeting('mee_2', 'ins_restreinte', 'restricted', 'convened', '2026-03-03'),
    meeting('mee_3', 'ins_vif', 'confidential', 'held', '2026-02-10'),
  ];
  return Datastore.parse(doc);
}

/** Capturing CLI io. */
export function captureIo(): { out: string[]; err: string[]; io: { out(l: string): void; err(l: string): void } } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (l) => out.push(l), err: (l) => err.push(l) } };
}

/** Rough check that a user-facing message is French (French words or typography, no English phrasing). */
export function looksFrench(message: string): boolean {
  const french =
    /[àâçéèêëîïôûùœ’«»]/i.test(message) ||
    /\b(le|la|les|des|du|de|est|sont|ce|cette|un|une|dans|pas|attendue?|invalide|indiquez|choisissez)\b/i.test(message);
  const english = /\b(the|is|are|expected|received|invalid input|must|should|cannot|not found|failed)\b/i.test(message);
  return french && !english;
}
