// Unit tests of the health (« météo ») rules and indicator status, one case per rule.
import { describe, expect, it } from 'vitest';
import { addMonths, computeHealth, expectedProgress, indicatorStatus, isStale, type HealthInput } from '../../src/shared/health';
import type { Indicator } from '../../src/shared/model';

const TODAY = '2026-06-01';
const base = (over: Partial<HealthInput> = {}): HealthInput => ({
  status: 'in_progress',
  progress: 50,
  startDate: '2026-01-01',
  endDate: '2026-12-31',
  milestones: [],
  indicators: [],
  lastUpdateAt: '2026-05-20T10:00:00.000Z',
  ...over,
});
const ind = (over: Partial<Indicator> = {}): Indicator => ({
  id: 'i1',
  title: 'Élèves sensibilisés',
  unit: 'élèves',
  type: 'output',
  baseline: 0,
  target: 100,
  targetDate: '2026-12-31',
  measurements: [],
  ...over,
});

describe('helpers', () => {
  it('adds months clamping the day', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-11-15', 3)).toBe('2027-02-15');
    expect(addMonths('2026-03-10', -3)).toBe('2025-12-10');
  });
  it('computes expected progress linearly', () => {
    expect(expectedProgress('2026-01-01', '2026-12-31', '2025-12-01')).toBe(0);
    expect(expectedProgress('2026-01-01', '2026-12-31', '2027-01-01')).toBe(100);
    expect(expectedProgress('2026-01-01', '2026-01-11', '2026-01-06')).toBe(50);
    expect(expectedProgress(undefined, '2026-01-11', '2026-01-06')).toBeUndefined();
  });
  it('detects staleness at exactly N months', () => {
    expect(isStale('2026-03-01T08:00:00Z', '2026-06-01', 3)).toBe(true);
    expect(isStale('2026-03-02T08:00:00Z', '2026-06-01', 3)).toBe(false);
  });
});

describe('computeHealth', () => {
  it('on track when progress matches the calendar', () => {
    const h = computeHealth(base({ progress: 45 }), TODAY, 3);
    expect(h.level).toBe('on_track');
    expect(h.reasons[0]).toMatch(/calendrier/);
  });
  it('done and abandoned are on track (closed)', () => {
    expect(computeHealth(base({ status: 'done', endDate: '2026-02-01', lastUpdateAt: '2020-01-01T00:00:00Z' }), TODAY, 3).level).toBe('on_track');
    const h = computeHealth(base({ status: 'abandoned', progress: 0 }), TODAY, 3);
    expect(h.level).toBe('on_track');
    expect(h.reasons[0]).toMatch(/abandonnée/);
  });
  it('watch when behind by more than 10 points', () => {
    // expected ≈ 41 % on 1 June
    const h = computeHealth(base({ progress: 28 }), TODAY, 3);
    expect(h.level).toBe('watch');
    expect(h.reasons[0]).toMatch(/attendus/);
  });
  it('late when behind by more than 25 points', () => {
    expect(computeHealth(base({ progress: 10 }), TODAY, 3).level).toBe('late');
  });
  it('late when the end date has passed and not done', () => {
    const h = computeHealth(base({ progress: 90, endDate: '2026-05-31' }), TODAY, 3);
    expect(h.level).toBe('late');
    expect(h.reasons[0]).toMatch(/date de fin/);
  });
  it('unknown when nobody updated it for N months', () => {
    const h = computeHealth(base({ progress: 10, lastUpdateAt: '2026-02-15T00:00:00Z' }), TODAY, 3);
    expect(h.level).toBe('unknown');
    expect(h.reasons).toHaveLength(1);
    expect(h.reasons[0]).toMatch(/Aucune mise à jour/);
  });
  it('an action not started yet is not silent before its start date', () => {
    const h = computeHealth(base({ status: 'planned', progress: 0, startDate: '2026-09-01', lastUpdateAt: '2025-01-01T00:00:00Z' }), TODAY, 3);
    expect(h.level).toBe('on_track');
    expect(computeHealth(base({ status: 'in_progress', startDate: '2026-09-01', lastUpdateAt: '2025-01-01T00:00:00Z' }), TODAY, 3).level).toBe('unknown');
  });
  it('late beats unknown when the end date has passed', () => {
    const h = computeHealth(base({ endDate: '2026-04-01', lastUpdateAt: '2025-01-01T00:00:00Z' }), TODAY, 3);
    expect(h.level).toBe('late');
    expect(h.reasons).toHaveLength(2);
  });
  it('overdue milestone: watch, then late after 30 days', () => {
    const m = (dueDate: string) => [{ id: 'm', title: 'Comité de lancement', dueDate }];
    expect(computeHealth(base({ progress: 45, milestones: m('2026-05-20') }), TODAY, 3).level).toBe('watch');
    expect(computeHealth(base({ progress: 45, milestones: m('2026-04-01') }), TODAY, 3).level).toBe('late');
    expect(computeHealth(base({ progress: 45, milestones: [{ ...m('2026-04-01')[0], doneAt: '2026-04-02' }] }), TODAY, 3).level).toBe('on_track');
  });
  it('indicator below its trajectory: watch', () => {
    const behind = ind({ measurements: [{ id: 'x', date: '2026-05-31', value: 10 }] });
    const h = computeHealth(base({ progress: 45, indicators: [behind] }), TODAY, 3);
    expect(h.level).toBe('watch');
    expect(h.reasons[0]).toMatch(/trajectoire/);
  });
  it('postponed is at least watch', () => {
    expect(computeHealth(base({ status: 'postponed', progress: 45 }), TODAY, 3).level).toBe('watch');
  });
  it('no dates and recent update: on track with explanation', () => {
    const h = computeHealth(base({ startDate: undefined, endDate: undefined, progress: 0 }), TODAY, 3);
    expect(h.level).toBe('on_track');
    expect(h.reasons[0]).toMatch(/dates/);
  });
  it('the worst rule wins and all reasons are listed', () => {
    const h = computeHealth(
      base({ progress: 5, milestones: [{ id: 'm', title: 'J', dueDate: '2026-05-25' }], status: 'postponed' }),
      TODAY,
      3,
    );
    expect(h.level).toBe('late');
    expect(h.reasons.length).toBe(3);
  });
});

describe('indicatorStatus', () => {
  it('no_data without target or measurement', () => {
    expect(indicatorStatus(ind(), TODAY)).toBe('no_data');
    expect(indicatorStatus(ind({ target: undefined, measurements: [{ id: 'a', date: '2026-01-01', value: 3 }] }), TODAY)).toBe('no_data');
  });
  it('reached', () => {
    expect(indicatorStatus(ind({ measurements: [{ id: 'a', date: '2026-05-01', value: 120 }] }), TODAY)).toBe('reached');
  });
  it('on trajectory and behind relative to the straight line', () => {
    const m = (value: number) => ind({ measurements: [{ id: 'a', date: '2026-01-01', value: 0 }, { id: 'b', date: '2026-07-02', value }] });
    expect(indicatorStatus(m(50), TODAY)).toBe('on_trajectory');
    expect(indicatorStatus(m(30), TODAY)).toBe('behind');
  });
  it('behind once the target date passed without reaching it', () => {
    expect(indicatorStatus(ind({ targetDate: '2026-05-01', measurements: [{ id: 'a', date: '2026-04-01', value: 99 }] }), TODAY)).toBe('behind');
  });
  it('decreasing targets (fewer incidents)', () => {
    const dec = (value: number) =>
      ind({ baseline: 100, target: 50, targetDate: '2026-12-31', measurements: [{ id: 'a', date: '2026-01-01', value: 100 }, { id: 'b', date: '2026-07-02', value }] });
    expect(indicatorStatus(dec(75), TODAY)).toBe('on_trajectory');
    expect(indicatorStatus(dec(95), TODAY)).toBe('behind');
    expect(indicatorStatus(dec(40), TODAY)).toBe('reached');
  });
});
