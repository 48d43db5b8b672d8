// Unit tests of the strategy screens' pure helpers: French date parsing and the indicator chart points.
import { describe, expect, it } from 'vitest';
import { INVALID_DATE, parseFrenchDate } from '../../src/renderer/src/screens/strategy/DateField';
import { ClearableDate } from '../../src/shared/fields';
import { chartPoints } from '../../src/renderer/src/screens/strategy/IndicatorChart';
import { topReminders } from '../../src/renderer/src/screens/dashboard/DashboardScreen';
import type { Reminder } from '../../src/shared/contract/strategy';

describe('parseFrenchDate', () => {
  it('reads JJ/MM/AAAA, J/M/AAAA and ISO dates', () => {
    expect(parseFrenchDate('03/03/2026')).toBe('2026-03-03');
    expect(parseFrenchDate('3/3/2026')).toBe('2026-03-03');
    expect(parseFrenchDate(' 31.12.2026 ')).toBe('2026-12-31');
    expect(parseFrenchDate('2026-02-28')).toBe('2026-02-28');
  });
  it('refuses impossible or partial dates', () => {
    expect(parseFrenchDate('31/02/2026')).toBeUndefined();
    expect(parseFrenchDate('12/2026')).toBeUndefined();
    expect(parseFrenchDate('demain')).toBeUndefined();
    // What the date field reports is checked by the contract's date field: empty clears, unreadable is refused.
    expect(ClearableDate.safeParse('').success).toBe(true);
    expect(ClearableDate.safeParse(INVALID_DATE).success).toBe(false);
  });
});

describe('chartPoints', () => {
  it('merges measurements with the trajectory from the start to the target date', () => {
    const pts = chartPoints(
      { id: 'i', title: 'x', unit: '', type: 'output', baseline: 0, target: 100, targetDate: '2026-12-31', measurements: [{ id: 'm', date: '2026-07-02', value: 40 }] },
      '2026-01-01',
    );
    expect(pts.map((p) => p.date)).toEqual(['2026-01-01', '2026-07-02', '2026-12-31']);
    expect(pts[0]).toMatchObject({ measured: null, trajectory: 0 });
    expect(pts[1].measured).toBe(40);
    expect(pts[1].trajectory).toBeCloseTo(50, 0);
    expect(pts[2].trajectory).toBe(100);
  });
});

describe('topReminders', () => {
  const r = (id: string, kind: Reminder['kind'], title = id): Reminder => ({ id, kind, severity: 'high', title, link: { screen: 'action', id } });
  it('keeps the order but lets other kinds in and drops repeated lines', () => {
    const list = [r('l1', 'action_late'), r('l2', 'action_late'), r('l3', 'action_late'), r('l4', 'action_late'), r('s1', 'action_stale'), r('m1', 'other', 'x'), r('m2', 'other', 'x')];
    expect(topReminders(list, 5).map((x) => x.id)).toEqual(['l1', 'l2', 'l3', 's1', 'm1']);
    expect(topReminders(list.slice(0, 4), 5).map((x) => x.id)).toEqual(['l1', 'l2', 'l3', 'l4']);
  });
});
