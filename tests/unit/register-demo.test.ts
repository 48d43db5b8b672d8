// The demo register: about a dozen valid situations in every status, one past its retention date, tied to the demo's decisions.
import { describe, expect, it } from 'vitest';
import { buildDemoDatastore } from '../../src/main/services/demo';
import { demoSituations, scaleSituations } from '../../src/main/services/demo/situations';
import { Situation, SituationStatus, situationNextStep } from '../../src/shared/register-model';

describe('demo register', () => {
  it('holds every status, valid records, decisions citing them, and one situation past its retention date', () => {
    const now = new Date('2026-12-07T09:00:00Z');
    const data = buildDemoDatastore(now);
    const list = demoSituations(data, '2026-12-07', now.toISOString());
    expect(list.length).toBeGreaterThanOrEqual(10);
    expect(list.length).toBeLessThanOrEqual(15);
    for (const s of list) expect(Situation.safeParse(s).success).toBe(true);
    for (const st of SituationStatus.options) expect(list.some((s) => s.status === st)).toBe(true);
    expect(new Set(list.map((s) => s.reference)).size).toBe(list.length);
    expect(list.some((s) => (situationNextStep(s)?.date ?? '9999') <= '2026-12-07')).toBe(true);
    const cited = new Set(data.meetings.flatMap((m) => m.decisions.map((d) => d.situationRef)));
    expect(list.filter((s) => cited.has(s.reference)).length).toBeGreaterThanOrEqual(5);
    // Minimal notes: no capitalised first names, nothing over 300 characters.
    for (const s of list) expect(s.note.length).toBeLessThanOrEqual(300);
  });
});

describe('10-year register', () => {
  it('holds about 2,000 valid situations with unique references, the cited ones included', () => {
    const data = buildDemoDatastore(new Date('2026-12-07T09:00:00Z'));
    const list = scaleSituations(data, '2026-12-07', '2026-12-07T09:00:00Z');
    expect(list).toHaveLength(2000);
    expect(new Set(list.map((s) => s.reference)).size).toBe(2000);
    for (const s of list.slice(0, 300)) expect(Situation.safeParse(s).success).toBe(true);
    for (const st of SituationStatus.options) expect(list.some((s) => s.status === st)).toBe(true);
  });
});
