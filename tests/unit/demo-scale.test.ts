// The ten-year dataset generator: counts, one archive file per closed period, an active file small enough to save fast.
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { archiveFileName, type ScaleSummary, writeTenYearDataset } from '../../src/main/services/demo/scale';
import { Store } from '../../src/main/store/store';
import { ArchiveFile, Datastore } from '../../src/shared/model';

const NOW = new Date('2026-11-26T12:00:00Z');
let dir: string;
let summary: ScaleSummary;
let elapsed: number;
let active: Datastore;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'clspd-10y-'));
  const t0 = performance.now();
  summary = writeTenYearDataset(dir, NOW);
  elapsed = performance.now() - t0;
  active = Datastore.parse(JSON.parse(readFileSync(join(dir, 'clspd.json'), 'utf8')));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('writeTenYearDataset', () => {
  it('generates ten years of one council quickly', () => {
    expect(elapsed).toBeLessThan(15_000);
    expect(summary.instances).toBeGreaterThanOrEqual(35);
    expect(summary.instances).toBeLessThanOrEqual(45);
    expect(summary.meetings).toBeGreaterThanOrEqual(550);
    expect(summary.meetings).toBeLessThanOrEqual(650);
    expect(summary.actions).toBeGreaterThanOrEqual(2800);
    expect(summary.actions).toBeLessThanOrEqual(3200);
    expect(summary.partners).toBeGreaterThanOrEqual(280);
    expect(active.people.length).toBeGreaterThanOrEqual(summary.partners);
    const years = active.periods.map((p) => [p.startYear, p.endYear]);
    expect(Math.max(...years.map((y) => y[1])) - Math.min(...years.map((y) => y[0]))).toBeGreaterThanOrEqual(10);
  });

  it('keeps the active file around 3 MB and archives each closed period with its meetings', () => {
    expect(summary.files[0]).toBe('clspd.json');
    expect(statSync(join(dir, 'clspd.json')).size).toBeLessThanOrEqual(3.5 * 1024 * 1024);
    const closed = active.periods.filter((p) => p.status === 'closed');
    expect(closed.length).toBeGreaterThanOrEqual(3);
    expect(active.periods.filter((p) => p.status === 'active')).toHaveLength(1);
    expect(active.settings.activePeriodId).toBe(active.periods.find((p) => p.status === 'active')!.id);
    let meetings = active.meetings.length;
    let actions = active.actions.length;
    for (const p of closed) {
      expect(p.archiveFile).toBe(archiveFileName(p.id));
      expect(summary.files).toContain(p.archiveFile);
      const archive = ArchiveFile.parse(JSON.parse(readFileSync(join(dir, p.archiveFile!), 'utf8')));
      expect(archive.archiveOf).toBe(p.id);
      expect(archive.period).toEqual(p);
      expect(archive.actions.every((a) => a.periodId === p.id)).toBe(true);
      expect(archive.meetings.every((m) => Number(m.date.slice(0, 4)) <= p.endYear)).toBe(true);
      expect(archive.meetings.every((m) => m.status === 'validated')).toBe(true);
      meetings += archive.meetings.length;
      actions += archive.actions.length;
    }
    expect(meetings).toBe(summary.meetings);
    expect(actions).toBe(summary.actions);
    // The active file holds only the active period's plan and meetings.
    const activeId = active.settings.activePeriodId;
    expect(active.actions.every((a) => a.periodId === activeId)).toBe(true);
    const activeStart = active.periods.find((p) => p.id === activeId)!.startYear;
    expect(active.meetings.every((m) => Number(m.date.slice(0, 4)) >= activeStart)).toBe(true);
  });

  it('writes full minutes: long agendas with notes, attendance and decisions', () => {
    const held = active.meetings.filter((m) => m.status === 'validated' || m.status === 'held');
    expect(held.length).toBeGreaterThan(10);
    for (const m of held) {
      const items = m.agenda.filter((i) => i.kind === 'item');
      expect(m.agenda.length).toBeGreaterThanOrEqual(10);
      expect(m.agenda.length).toBeLessThanOrEqual(40);
      expect(items.every((i) => i.notes.length > 50)).toBe(true);
      expect(m.attendance.length).toBe(m.invitees.length);
      expect(m.decisions.length).toBeGreaterThan(0);
      if (m.confidentiality === 'confidential') for (const d of m.decisions) expect(d.situationRef).toMatch(/^\d{4}-\d{3}$/);
    }
    expect(new Set(active.meetings.map((m) => m.status))).toEqual(new Set(['validated', 'held', 'convened', 'draft']));
    expect(active.instances.filter((i) => i.status === 'closed').length).toBeGreaterThan(10);
  });

  it('opens with Store.open', async () => {
    const store = Store.open(dir, { owner: 'test' });
    try {
      expect(store.isReady).toBe(true);
      expect(store.data.actions.length).toBe(active.actions.length);
    } finally {
      await store.close();
    }
  });

  it('is deterministic for a given date', () => {
    const other = mkdtempSync(join(tmpdir(), 'clspd-10y-'));
    try {
      writeTenYearDataset(other, NOW);
      expect(readFileSync(join(other, 'clspd.json'), 'utf8')).toBe(JSON.stringify(active));
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  it('refuses a folder that already holds a datastore', () => {
    const other = mkdtempSync(join(tmpdir(), 'clspd-10y-'));
    try {
      writeFileSync(join(other, 'clspd.json'), '{}');
      expect(() => writeTenYearDataset(other, NOW)).toThrow(/contient déjà/);
      expect(readFileSync(join(other, 'clspd.json'), 'utf8')).toBe('{}');
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });
});
