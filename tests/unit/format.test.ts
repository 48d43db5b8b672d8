// French format helpers: long dates with « 1er », times « 14 h 30 », amounts and percentages with exact spaces.
import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysBetween,
  formatDate,
  formatLongDate,
  formatMoney,
  formatNumber,
  formatPercent,
  formatShortDate,
  formatTime,
  NO_VALUE,
  parseIsoDate,
  todayIso,
} from '../../src/shared/format';

const NNBSP = '\u202f'; // narrow no-break space: thousands separator of fr-FR
const NBSP = '\u00a0'; // no-break space: before € and %

/** Code points as U+XXXX, so a failing assertion shows which space is which. */
const points = (s: string) => [...s].map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`).join(' ');

describe('dates', () => {
  it('formats « mardi 3 mars 2026 »', () => {
    expect(formatLongDate('2026-03-03')).toBe('mardi 3 mars 2026');
  });

  it('writes the first of the month « 1er »', () => {
    expect(formatLongDate('2026-03-01')).toBe('dimanche 1er mars 2026');
    expect(formatLongDate('2026-01-01')).toBe('jeudi 1er janvier 2026');
    expect(formatDate('2026-05-01')).toBe('1er mai 2026');
    // Not for the 11th, 21st or 31st.
    expect(formatLongDate('2026-03-11')).toBe('mercredi 11 mars 2026');
    expect(formatLongDate('2026-03-21')).toBe('samedi 21 mars 2026');
    expect(formatDate('2026-03-31')).toBe('31 mars 2026');
  });

  it('uses the calendar date of a timestamp, whatever the time zone of the machine', () => {
    expect(formatLongDate('2026-03-03T23:59:00.000Z')).toBe('mardi 3 mars 2026');
    expect(formatLongDate('2026-03-03T00:00:00+02:00')).toBe('mardi 3 mars 2026');
    expect(parseIsoDate('2026-12-31').toISOString()).toBe('2026-12-31T00:00:00.000Z');
  });

  it('formats short dates and accents in month names', () => {
    expect(formatShortDate('2026-03-03')).toBe('03/03/2026');
    expect(formatDate('2026-02-14')).toBe('14 février 2026');
    expect(formatDate('2026-08-15')).toBe('15 août 2026');
    expect(formatLongDate('2026-12-25')).toBe('vendredi 25 décembre 2026');
  });

  it('adds days and counts days across months, leap years and time changes', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2026-03-29', 1)).toBe('2026-03-30'); // European summer time starts that night
    expect(addDays('2026-01-05', -10)).toBe('2025-12-26');
    expect(daysBetween('2026-03-01', '2026-03-31')).toBe(30);
    expect(daysBetween('2026-10-24', '2026-10-26')).toBe(2);
    expect(daysBetween('2026-03-31', '2026-03-01')).toBe(-30);
  });

  it('gives today in local time as YYYY-MM-DD', () => {
    expect(todayIso(new Date(2026, 2, 3, 23, 59))).toBe('2026-03-03');
    expect(todayIso(new Date(2026, 0, 1, 0, 0))).toBe('2026-01-01');
  });
});

describe('times', () => {
  it('formats « 14 h 30 » and « 9 h »', () => {
    expect(formatTime('14:30')).toBe('14 h 30');
    expect(formatTime('09:00')).toBe('9 h');
    expect(formatTime('09:05')).toBe('9 h 05');
    expect(formatTime('00:00')).toBe('0 h');
    expect(formatTime('23:59')).toBe('23 h 59');
    expect(points(formatTime('14:30'))).toBe('U+0031 U+0034 U+0020 U+0068 U+0020 U+0033 U+0030');
  });
});

describe('amounts and numbers', () => {
  it('formats « 12 500,00 € » with a narrow no-break space for thousands and a no-break space before €', () => {
    const s = formatMoney(12500);
    expect(s).toBe(`12${NNBSP}500,00${NBSP}€`);
    expect(points(s)).toBe('U+0031 U+0032 U+202F U+0035 U+0030 U+0030 U+002C U+0030 U+0030 U+00A0 U+20AC');
    expect(s).not.toContain(' ');
  });

  it('always shows two decimals, rounds to the cent, groups millions', () => {
    expect(formatMoney(0)).toBe(`0,00${NBSP}€`);
    expect(formatMoney(3.5)).toBe(`3,50${NBSP}€`);
    expect(formatMoney(1234567.891)).toBe(`1${NNBSP}234${NNBSP}567,89${NBSP}€`);
    expect(formatMoney(999.999)).toBe(`1${NNBSP}000,00${NBSP}€`);
    expect(formatMoney(-42)).toMatch(new RegExp(`^-42,00${NBSP}€$`));
  });

  it('formats plain numbers with a decimal comma', () => {
    expect(formatNumber(1234.5)).toBe(`1${NNBSP}234,5`);
    expect(formatNumber(2 / 3)).toBe('0,67');
    expect(formatNumber(12)).toBe('12');
  });

  it('formats « 75 % » with a no-break space, rounded to the unit', () => {
    expect(formatPercent(75)).toBe(`75${NBSP}%`);
    expect(points(formatPercent(75))).toBe('U+0037 U+0035 U+00A0 U+0025');
    expect(formatPercent(74.6)).toBe(`75${NBSP}%`);
    expect(formatPercent(0.4)).toBe(`0${NBSP}%`);
    expect(formatPercent(100)).toBe(`100${NBSP}%`);
    expect(formatPercent(-0.4)).toBe(`0${NBSP}%`);
  });

  it('shows « — » rather than NaN or Infinity for a figure without value', () => {
    for (const v of [NaN, Infinity, -Infinity, Number(undefined), 0 / 0]) {
      expect(formatPercent(v)).toBe(NO_VALUE);
      expect(formatMoney(v)).toBe(NO_VALUE);
      expect(formatNumber(v)).toBe(NO_VALUE);
    }
    expect(NO_VALUE).toBe('\u2014');
  });
});
