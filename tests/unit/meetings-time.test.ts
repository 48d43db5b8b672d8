// The meetings' HH:MM time field reads French ways of writing a time and refuses what is not a time of day.
import { describe, expect, it } from 'vitest';
import { parseTime } from '../../src/renderer/src/components/time';

describe('parseTime', () => {
  it('normalises French habits to HH:MM', () => {
    expect(parseTime('9h30')).toBe('09:30');
    expect(parseTime('9:30')).toBe('09:30');
    expect(parseTime('14 h 30')).toBe('14:30');
    expect(parseTime('14h')).toBe('14:00');
    expect(parseTime('14')).toBe('14:00');
    expect(parseTime('0930')).toBe('09:30');
    expect(parseTime(' 18.45 ')).toBe('18:45');
    expect(parseTime('00:00')).toBe('00:00');
  });
  it('refuses what is not a time of day', () => {
    for (const t of ['24:00', '12:60', '9:3', 'midi', '', '930', '2:30 PM', '12:00:00']) expect(parseTime(t)).toBeUndefined();
  });
});
