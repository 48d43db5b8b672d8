// The demo commune: valid against the model, deterministic, and telling the story the screens rely on.
import { findPersonalMentions } from '../../src/shared/names-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildDemoDatastore } from '../../src/main/services/demo';
import { presetCategories } from '../../src/main/services/categories';
import { createContext } from '../../src/main/services/context';
import { setupDemo } from '../../src/main/services/app';
import { nextSituationRef } from '../../src/main/services/meetings/live';
import { Store } from '../../src/main/store/store';
import { computeHealth } from '../../src/shared/health';
import { Datastore, type Meeting, type MeetingStatus } from '../../src/shared/model';

const NOW = new Date('2026-11-26T10:00:00Z');
const today = NOW.toISOString().slice(0, 10);
const doc = buildDemoDatastore(NOW);

function instanceOf(m: Meeting) {
  return doc.instances.find((i) => i.id === m.instanceId)!;
}

describe('demo datastore', () => {
  it('passes the schema and is marked as a configured demo', () => {
    expect(() => Datastore.parse(doc)).not.toThrow();
    expect(doc.settings).toMatchObject({ demo: true, configured: true, communeName: 'Valmont-sur-Loire', councilAcronym: 'CLSPDR' });
    expect(doc.settings.presidentName).not.toBe('');
    expect(doc.settings.coordinatorName).not.toBe('');
    expect(doc.settings.address).not.toBe('');
    const period = doc.periods.find((p) => p.id === doc.settings.activePeriodId);
    expect(period).toMatchObject({ startYear: 2023, endYear: 2026, status: 'active' });
  });

  it('is deterministic for a given date', () => {
    expect(JSON.stringify(buildDemoDatastore(NOW))).toBe(JSON.stringify(doc));
  });

  it('is valid and keeps its story whatever the date', () => {
    for (const iso of ['2025-01-02T08:00:00Z', '2026-03-15T12:00:00Z', '2027-08-20T12:00:00Z', '2028-12-31T22:00:00Z']) {
      const now = new Date(iso);
      const d = Datastore.parse(buildDemoDatastore(now));
      const day = iso.slice(0, 10);
      const period = d.periods[0];
      expect(period.startYear).toBeLessThanOrEqual(now.getUTCFullYear());
      expect(period.endYear).toBeGreaterThanOrEqual(now.getUTCFullYear());
      const levels = d.actions.map((a) => computeHealth(a, day, d.settings.staleAfterMonths).level);
      expect(levels.filter((l) => l === 'late').length).toBeGreaterThanOrEqual(3);
      expect(levels.filter((l) => l === 'unknown').length).toBe(1);
      expect(d.meetings.some((m) => m.status === 'convened' && m.date > day)).toBe(true);
      // Nothing happened in the future.
      const nowIso = now.toISOString();
      for (const a of d.actions) for (const j of a.journal) expect(j.at <= nowIso).toBe(true);
      for (const m of d.meetings) if (m.heldAt) expect(m.date <= day).toBe(true);
    }
  });

  it('has a directory across the real categories with named fictional contacts', () => {
    const categories = new Set(presetCategories().map((c) => c.id));
    expect(doc.organisations.length).toBeGreaterThanOrEqual(18);
    for (const o of doc.organisations) {
      expect(categories.has(o.categoryId)).toBe(true);
      const contacts = doc.people.filter((p) => p.organisationId === o.id);
      expect(contacts.length).toBeGreaterThanOrEqual(1);
      expect(contacts.length).toBeLessThanOrEqual(4);
      for (const p of contacts) expect(p.civility).not.toBe('');
    }
    expect(new Set(doc.organisations.map((o) => o.categoryId)).size).toBeGreaterThanOrEqual(15);
    const recent = doc.organisations.filter((o) => o.officeHolderChangedAt && o.officeHolderChangedAt >= '2026-08-01');
    expect(recent).toHaveLength(1);
  });

  it('has the plenary, the restricted formation and three cellules de veille with dated memberships', () => {
    const byKind = (k: string) => doc.instances.filter((i) => i.kind === k && i.status === 'active');
    expect(byKind('plenary')).toHaveLength(1);
    expect(byKind('plenary')[0].confidentiality).toBe('public');
    expect(byKind('restricted')[0].confidentiality).toBe('restricted');
    const cellules = byKind('working_group');
    expect(cellules.map((c) => c.name)).toEqual([
      'Cellule de veille violences intrafamiliales',
      'Cellule de veille harcèlement scolaire',
      'Cellule de veille du quartier des Tilleuls',
    ]);
    for (const c of cellules) expect(c.confidentiality).toBe('confidential');

    const plenaryId = byKind('plenary')[0].id;
    const current = doc.memberships.filter((m) => m.instanceId === plenaryId && !m.endDate);
    const exOfficio = current.filter((m) => m.role === 'ex_officio' && m.seat === 'titular');
    const jobs = exOfficio.map((m) => doc.people.find((p) => p.id === m.personId)!.jobTitle);
    expect(jobs.some((j) => j?.startsWith('Préfet'))).toBe(true);
    expect(jobs.some((j) => j?.startsWith('Procureure'))).toBe(true);
    // Titular / substitute pairs point to a titular membership of the same instance.
    const subs = doc.memberships.filter((m) => m.seat === 'substitute');
    expect(subs.length).toBeGreaterThan(3);
    for (const s of subs) {
      const t = doc.memberships.find((m) => m.id === s.titularMembershipId);
      expect(t?.seat).toBe('titular');
      expect(t?.instanceId).toBe(s.instanceId);
    }
    // An ended membership (the former préfet) keeps the history.
    expect(doc.memberships.some((m) => m.instanceId === plenaryId && m.endDate)).toBe(true);

    // Charter: everyone signed except one member; one signature is more than a year old.
    const confMembers = doc.memberships.filter((m) => cellules.some((c) => c.id === m.instanceId) && !m.endDate);
    expect(confMembers.filter((m) => !m.charterSignedAt)).toHaveLength(1);
    expect(confMembers.filter((m) => m.charterSignedAt && m.charterSignedAt < '2025-11-26').length).toBeGreaterThanOrEqual(1);
  });

  it('has a strategy with three coloured axes, objectives and about 25 complete fiches action', () => {
    expect(doc.axes).toHaveLength(3);
    for (const a of doc.axes) expect(a.colour).toMatch(/^#[0-9a-f]{6}$/i);
    expect(doc.objectives.length).toBeGreaterThanOrEqual(6);
    expect(doc.actions.length).toBeGreaterThanOrEqual(22);
    expect(doc.actions.length).toBeLessThanOrEqual(30);
    const codes = doc.actions.map((a) => a.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const a of doc.actions) {
      const obj = doc.objectives.find((o) => o.id === a.objectiveId)!;
      const axis = doc.axes.find((x) => x.id === obj.axisId)!;
      expect(a.code.startsWith(`A${axis.order}.${obj.order}.`)).toBe(true);
      expect(a.context && a.description && a.modalities && a.targetPublic && a.territory && a.means).toBeTruthy();
      expect(a.pilot.organisationId && a.pilot.personId).toBeTruthy();
      expect(doc.people.find((p) => p.id === a.pilot.personId)?.organisationId).toBe(a.pilot.organisationId);
      expect(a.partners.length).toBeGreaterThan(0);
      expect(a.milestones.length).toBeGreaterThan(0);
      expect(a.indicators.length).toBeGreaterThan(0);
      expect(a.journal.length).toBeGreaterThan(1);
      expect(a.startDate! <= a.endDate!).toBe(true);
      expect(a.followingInstanceId).toBeTruthy();
      for (const f of a.funding) expect(f.spent <= f.obtained && f.obtained <= f.requested).toBe(true);
    }
    const funders = new Set(doc.actions.flatMap((a) => a.funding.map((f) => f.funder)));
    for (const f of ['fipdr', 'commune', 'caf', 'departement', 'politique_ville']) expect(funders.has(f)).toBe(true);
    // Indicators moved: several measurements over time.
    expect(doc.actions.filter((a) => a.indicators.some((i) => i.measurements.length >= 3)).length).toBeGreaterThanOrEqual(8);
  });

  it('mixes done, on-track, late, stale, postponed and abandoned actions', () => {
    const count = (s: string) => doc.actions.filter((a) => a.status === s).length;
    expect(count('done')).toBeGreaterThanOrEqual(4);
    expect(count('in_progress')).toBeGreaterThanOrEqual(8);
    expect(count('planned')).toBeGreaterThanOrEqual(1);
    expect(count('postponed')).toBe(1);
    expect(count('abandoned')).toBe(1);
    const health = doc.actions.map((a) => ({ a, h: computeHealth(a, today, doc.settings.staleAfterMonths) }));
    const late = health.filter((x) => x.h.level === 'late');
    expect(late.length).toBeGreaterThanOrEqual(3);
    expect(late.some((x) => x.a.endDate! < today)).toBe(true);
    expect(health.filter((x) => x.h.level === 'on_track' && x.a.status === 'in_progress').length).toBeGreaterThanOrEqual(6);
    const stale = health.filter((x) => x.h.level === 'unknown');
    expect(stale).toHaveLength(1);
    expect(stale[0].a.lastUpdateAt < '2026-07-26').toBe(true);
    // The journal ends on the action's current progress and status.
    for (const a of doc.actions) {
      const p = a.journal.filter((j) => j.field === 'progress').pop();
      const s = a.journal.filter((j) => j.field === 'status').pop();
      if (p) expect(Number(p.to)).toBe(a.progress);
      if (s) expect(s.to).toBe(a.status);
      expect(a.lastUpdateAt).toBe(a.journal.map((j) => j.at).sort().pop());
    }
    // Status changes are journalled, some from a meeting.
    const statusEntries = doc.actions.flatMap((a) => a.journal.filter((j) => j.field === 'status'));
    expect(statusEntries.some((j) => j.to === 'postponed' && j.meetingId)).toBe(true);
    expect(statusEntries.some((j) => j.to === 'abandoned' && j.meetingId)).toBe(true);
  });

  it('writes measurements in the journal the French way, as the fiche action prints them', () => {
    const measures = doc.actions.flatMap((a) => a.journal.filter((j) => j.field === 'measurement'));
    expect(measures.length).toBeGreaterThan(0);
    for (const j of measures) {
      expect(j.comment).not.toMatch(/\d{4}-\d{2}-\d{2}/);
      expect(j.comment).toMatch(/ — (1er|\d{1,2}) \S+ \d{4}$/);
      expect(j.to).not.toMatch(/\d{4}/);
    }
    expect(measures.some((j) => /^\d{1,3}\u202f\d{3}/.test(j.to ?? '') || /^\d{1,3}[\u00a0 ]\d{3}/.test(j.to ?? ''))).toBe(true);
  });

  it('covers every meeting status for public and confidential bodies', () => {
    expect(doc.meetings.length).toBeGreaterThanOrEqual(8);
    const statuses = (conf: 'public' | 'confidential') =>
      new Set(doc.meetings.filter((m) => (conf === 'public' ? m.confidentiality !== 'confidential' : m.confidentiality === 'confidential')).map((m) => m.status));
    for (const s of ['held', 'validated'] as MeetingStatus[]) {
      expect(statuses('public').has(s)).toBe(true);
      expect(statuses('confidential').has(s)).toBe(true);
    }
    const convened = doc.meetings.filter((m) => m.status === 'convened');
    expect(convened).toHaveLength(1);
    expect(instanceOf(convened[0]).kind).toBe('restricted');
    expect(convened[0].date > today && convened[0].date.slice(0, 7) === '2026-12').toBe(true);
    expect(doc.meetings.filter((m) => m.status === 'draft')).toHaveLength(1);
    // The plenary held last December, minutes validated.
    const plenary = doc.meetings.find((m) => instanceOf(m).kind === 'plenary' && m.date.startsWith('2025-12'));
    expect(plenary?.status).toBe('validated');
    expect(plenary?.validatedAt).toBeTruthy();
    // The harassment cellule meets monthly.
    const harassment = doc.meetings.filter((m) => instanceOf(m).theme === 'Harcèlement scolaire').map((m) => m.date);
    expect(harassment.length).toBeGreaterThanOrEqual(5);
    for (let i = 1; i < harassment.length; i++) {
      const gap = (Date.parse(harassment[i]) - Date.parse(harassment[i - 1])) / 86_400_000;
      expect(gap).toBeGreaterThanOrEqual(21);
      expect(gap).toBeLessThanOrEqual(70);
    }
  });

  it('gives meetings agendas, invitees, attendance, notes and decisions', () => {
    for (const m of doc.meetings) {
      expect(m.confidentiality).toBe(instanceOf(m).confidentiality);
      expect(m.agenda.some((i) => i.kind === 'section')).toBe(true);
      const items = m.agenda.filter((i) => i.kind === 'item');
      expect(items.length).toBeGreaterThanOrEqual(3);
      for (const i of items) expect(i.durationMin > 0 && !!i.presenter).toBe(true);
      expect(m.invitees.length).toBeGreaterThan(3);
      expect(m.attendance).toHaveLength(m.invitees.length);
      if (m.status === 'held' || m.status === 'validated') {
        expect(m.heldAt).toBeTruthy();
        expect(items.filter((i) => i.notes.trim()).length).toBeGreaterThanOrEqual(3);
        const seen = new Set(m.attendance.map((a) => a.status));
        expect(seen.has('present')).toBe(true);
        expect(seen.has('unknown')).toBe(false);
        expect(m.decisions.length).toBeGreaterThan(0);
      }
      for (const a of m.attendance.filter((x) => x.status === 'represented')) {
        expect(a.representedByPersonId ?? a.representedByName).toBeTruthy();
      }
    }
    expect(doc.meetings.some((m) => m.invitees.some((i) => i.guestName && !i.personId))).toBe(true);
    expect(doc.meetings.some((m) => m.attendance.some((a) => a.representedByName))).toBe(true);
    expect(doc.meetings.some((m) => m.visioUrl)).toBe(true);
    const all = doc.meetings.flatMap((m) => m.attendance.map((a) => a.status));
    for (const s of ['present', 'excused', 'absent', 'represented']) expect(all).toContain(s);
    const decisions = doc.meetings.flatMap((m) => m.decisions);
    expect(decisions.some((d) => d.kind === 'decision') && decisions.some((d) => d.kind === 'action')).toBe(true);
    expect(decisions.some((d) => d.status === 'open') && decisions.some((d) => d.status === 'done')).toBe(true);
    expect(decisions.filter((d) => d.actionId).length).toBeGreaterThanOrEqual(5);
    const actionIds = new Set(doc.actions.map((a) => a.id));
    for (const d of decisions) if (d.actionId) expect(actionIds.has(d.actionId)).toBe(true);
  });

  it('keeps confidential minutes anonymous: case numbers, never a name from the directory', () => {
    const confidential = doc.meetings.filter((m) => m.confidentiality === 'confidential');
    const decisions = confidential.flatMap((m) => m.decisions);
    expect(decisions.length).toBeGreaterThanOrEqual(3);
    for (const d of decisions) expect(d.situationRef).toMatch(/^\d{4}-\d{3}$/);
    const names = doc.people.flatMap((p) => [p.lastName, `${p.firstName} ${p.lastName}`]);
    for (const m of confidential) {
      const texts = [m.generalNotes, ...m.agenda.flatMap((i) => [i.title, i.notes, i.chairNotes ?? '']), ...m.decisions.map((d) => d.text)];
      for (const text of texts) {
        for (const name of names) {
          expect(new RegExp(`\\b${name}\\b`, 'i').test(text), `« ${name} » in « ${text} »`).toBe(false);
        }
      }
      const situations = m.agenda.filter((i) => /^Situation n° \d{4}-\d{3}$/.test(i.title));
      expect(situations.length).toBeGreaterThan(0);
      for (const i of situations) expect(i.notes.startsWith(`${i.title} : `)).toBe(true);
    }
  });

  it('has a public plenary held whose minutes wait for validation, and minimal confidential notes that pass the names check', () => {
    const held = doc.meetings.filter((m) => instanceOf(m).kind === 'plenary' && m.status === 'held');
    expect(held).toHaveLength(1);
    expect(held[0].confidentiality).toBe('public');
    expect(held[0].validatedAt).toBeUndefined();
    expect(held[0].date <= today).toBe(true);
    for (const m of doc.meetings.filter((x) => x.confidentiality === 'confidential')) {
      for (const i of m.agenda.filter((x) => /^Situation n° /.test(x.title))) expect(i.notes.length).toBeLessThanOrEqual(120);
      for (const d of m.decisions) expect(findPersonalMentions(d.text), d.text).toEqual([]);
    }
  });

  it('uses only fictional names (no e-mail outside reserved domains)', () => {
    for (const p of doc.people) expect(p.email).toMatch(/\.example$/);
    for (const o of doc.organisations) expect(o.email).toMatch(/\.example$/);
  });
});

describe('setupDemo', () => {
  let dir: string;
  let store: Store | undefined;
  afterEach(async () => {
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes the demo into an empty folder and reopens it', async () => {
    dir = mkdtempSync(join(tmpdir(), 'clspd-'));
    store = Store.open(dir, { owner: 'test' });
    const ctx = createContext(store, {}, () => NOW);
    const state = await setupDemo(ctx);
    expect(state.status).toBe('ok');
    expect(store.data.settings.demo).toBe(true);
    // The meetings service numbers the next situation after the demo's ones.
    const used = new Set(store.data.meetings.flatMap((m) => m.decisions.map((d) => d.situationRef)));
    const { ref } = nextSituationRef(ctx, 2026);
    expect(used.has(ref)).toBe(false);
    expect(ref > [...used].filter((r) => r?.startsWith('2026-')).sort().pop()!).toBe(true);
    await store.close();
    store = Store.open(dir, { owner: 'test' });
    expect(store.data.actions.length).toBe(doc.actions.length);
  });
});
