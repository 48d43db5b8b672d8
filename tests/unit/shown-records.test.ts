// The per-record conflict bookkeeping shared by the team clients and the server: ids of an answer, the header of an edit, parsing.
import { describe, expect, it } from 'vitest';
import { parseVersions, ShownRecords, shownIds } from '../../src/shared/shown-records';

describe('shown records', () => {
  it('finds the records of an answer (every id of its objects, nested lists too)', () => {
    const answer = { meeting: { id: 'mtg_1', agenda: [{ id: 'itm_1', title: 'x' }], instanceId: 'ins_1' }, people: [{ id: 'per_1' }], count: 2 };
    expect(shownIds(answer).sort()).toEqual(['itm_1', 'mtg_1', 'per_1']);
    expect(shownIds('mtg_1')).toEqual([]);
  });

  it('sends the version of the shown records an edit names, any key, and nothing for others', () => {
    const s = new ShownRecords();
    s.record({ id: 'mtg_1', partners: [{ id: 'org_1' }] }, 10);
    s.record([{ id: 'org_2' }], 12);
    expect(s.header({ meetingId: 'mtg_1', patch: { pilot: { organisationId: 'org_2' }, title: 'mtg_1' } })).toBe('mtg_1=10,org_2=12');
    expect(s.header({ id: 'org_9' })).toBeUndefined();
    expect(parseVersions(s.header({ id: 'mtg_1' }))).toEqual(new Map([['mtg_1', 10]]));
  });

  it('shown again: the newer state, unless a colleague’s change is still waiting to be displayed', () => {
    const s = new ShownRecords();
    s.record({ id: 'mtg_1' }, 10);
    s.record({ id: 'mtg_1' }, 14, true);
    s.record({ id: 'act_1' }, 14, true);
    expect([s.version('mtg_1'), s.version('act_1')]).toEqual([10, 14]);
    s.record({ id: 'mtg_1' }, 15);
    expect(s.version('mtg_1')).toBe(15);
    s.clear();
    expect(s.version('mtg_1')).toBeUndefined();
  });

  it('stays bounded, forgetting the records shown longest ago', () => {
    const s = new ShownRecords(3);
    for (let i = 0; i < 5; i++) s.record({ id: `r${i}` }, i);
    expect([0, 1, 2, 3, 4].map((i) => s.version(`r${i}`))).toEqual([undefined, undefined, 2, 3, 4]);
  });

  it('reads the header defensively: malformed parts, odd ids and oversized headers are ignored', () => {
    expect(parseVersions('mtg_1=3, bad, x y=2,org_2=abc,act.1=7')).toEqual(new Map([['mtg_1', 3], ['act.1', 7]]));
    expect(parseVersions(undefined)).toBeUndefined();
    expect(parseVersions('a=1,'.repeat(3000))).toBeUndefined();
    expect(parseVersions('')).toBeUndefined();
  });
});
