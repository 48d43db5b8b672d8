// The register's pure rules: legal end date, retention dates, the 25-year limit, closed lists, « < 5 » suppression.
import { describe, expect, it } from 'vitest';
import { defaultRegisterSettings } from '../../src/shared/register-defaults';
import {
  AgeBracket,
  ListCode,
  Situation,
  addYears,
  birthYearFits,
  bracketNeedsBirthYear,
  legalEndDate,
  meetingTextsDestroyDate,
  situationNextStep,
  suppressSmall,
} from '../../src/shared/register-model';

describe('legal end date (25 years)', () => {
  it('is 1 January of birth year + 25 under 25, absent for adults or without a birth year', () => {
    expect(legalEndDate('15_17', 2010)).toBe('2035-01-01');
    expect(legalEndDate('under_11', 2020)).toBe('2045-01-01');
    expect(legalEndDate('22_24', 2003)).toBe('2028-01-01');
    expect(legalEndDate('25_plus', 1990)).toBeUndefined();
    expect(legalEndDate('25_plus', undefined)).toBeUndefined();
    expect(legalEndDate('15_17', undefined)).toBeUndefined();
  });
  it('asks the birth year for every bracket under 25 only', () => {
    for (const b of AgeBracket.options) expect(bracketNeedsBirthYear(b)).toBe(b !== '25_plus');
  });
  it('checks the birth year against the bracket at the opening date, with one year of tolerance', () => {
    expect(birthYearFits('15_17', 2010, '2026-03-01')).toBe(true); // 16
    expect(birthYearFits('15_17', 2008, '2026-03-01')).toBe(true); // 18 by year, maybe 17 by day
    expect(birthYearFits('15_17', 2007, '2026-03-01')).toBe(false); // 19
    expect(birthYearFits('15_17', 2013, '2026-03-01')).toBe(false); // 13
    expect(birthYearFits('under_11', 2020, '2026-03-01')).toBe(true);
  });
});

describe('retention dates', () => {
  const base = { legalEndDate: undefined, archivedAt: undefined } as const;
  it('keeps an open or followed situation with no age limit', () => {
    expect(situationNextStep({ ...base, status: 'open' })).toBeUndefined();
    expect(situationNextStep({ ...base, status: 'in_follow_up' })).toBeUndefined();
  });
  it('archives 30 days after closure, destroys 3 years after closure', () => {
    expect(situationNextStep({ ...base, status: 'closed', closedAt: '2026-01-10' })).toEqual({ step: 'archive', date: '2026-02-09', rule: 'archive' });
    expect(situationNextStep({ ...base, status: 'archived', closedAt: '2026-01-10', archivedAt: '2026-02-09' })).toEqual({
      step: 'destroy',
      date: '2029-01-10',
      rule: 'retention',
    });
  });
  it('the 25-year limit applies whatever the status and wins when it comes first', () => {
    expect(situationNextStep({ status: 'open', legalEndDate: '2027-01-01' })).toEqual({ step: 'destroy', date: '2027-01-01', rule: 'age_25' });
    expect(situationNextStep({ status: 'archived', closedAt: '2026-01-10', legalEndDate: '2028-01-01' })).toEqual({ step: 'destroy', date: '2028-01-01', rule: 'age_25' });
    // A closed situation is archived first when the limit is further away.
    expect(situationNextStep({ status: 'closed', closedAt: '2026-01-10', legalEndDate: '2030-01-01' })?.step).toBe('archive');
    expect(situationNextStep({ status: 'archived', closedAt: '2026-01-10', legalEndDate: '2035-01-01' })?.rule).toBe('retention');
  });
  it('adds years to 29 February safely, and dates meeting texts from the meeting', () => {
    expect(addYears('2024-02-29', 3)).toBe('2027-02-28');
    expect(meetingTextsDestroyDate('2023-05-12', 3)).toBe('2026-05-12');
    expect(meetingTextsDestroyDate('2023-05-12', 5)).toBe('2028-05-12');
  });
});

describe('closed lists', () => {
  it('default lists have unique valid codes and French labels', () => {
    const s = defaultRegisterSettings();
    for (const list of [s.origins, s.reasons, s.orientations, s.closureReasons]) {
      expect(new Set(list.map((i) => i.code)).size).toBe(list.length);
      for (const i of list) {
        expect(ListCode.safeParse(i.code).success).toBe(true);
        expect(i.label.length).toBeGreaterThan(3);
      }
    }
    expect(s.meetingTextsYears).toBe(3);
    expect(s.correspondenceEnabled).toBe(false);
  });
  it('a situation refuses free text in coded fields, a note over 300 characters, and a bad reference', () => {
    const ok = {
      id: 'sit_1', reference: '2026-014', openedAt: '2026-02-01', instanceIds: ['ins_1'], origin: 'school', reason: 'harassment', ageBracket: '15_17',
      legalEndDate: '2035-01-01', status: 'open', orientations: ['mediation'], note: '', createdAt: '2026-02-01T10:00:00Z', updatedAt: '2026-02-01T10:00:00Z',
    };
    expect(Situation.safeParse(ok).success).toBe(true);
    expect(Situation.safeParse({ ...ok, origin: 'Le collège Jean Moulin' }).success).toBe(false);
    expect(Situation.safeParse({ ...ok, orientations: ['Suivi par Mme X'] }).success).toBe(false);
    expect(Situation.safeParse({ ...ok, ageBracket: '16' }).success).toBe(false);
    expect(Situation.safeParse({ ...ok, note: 'x'.repeat(301) }).success).toBe(false);
    expect(Situation.safeParse({ ...ok, reference: 'Dupont' }).success).toBe(false);
    expect(Situation.safeParse({ ...ok, instanceIds: [] }).success).toBe(false);
  });
});

describe('small counts', () => {
  it('shows every count under 5 as « < 5 »', () => {
    for (const n of [0, 1, 2, 3, 4]) expect(suppressSmall(n)).toBe('< 5');
    expect(suppressSmall(5)).toBe('5');
    expect(suppressSmall(123)).toBe('123');
  });
});
