// Unit tests of the strategy screens' pure helpers: French date parsing and the indicator chart points.
import { describe, expect, it } from 'vitest';
import { isValidIsoOrEmpty, parseFrenchDate } from '../../src/renderer/src/screens/strategy/DateField';
import { chartPoints } from '../../src/renderer/src/screens/strategy/IndicatorChart';

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
    expect(isValidIsoOrEmpty('')).toBe(true);
    expect(isValidIsoOrEmpty('invalid')).toBe(false);
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
