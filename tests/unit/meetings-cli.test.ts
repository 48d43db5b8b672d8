// Meetings CLI: the decisions log and the attendance statistics over a data folder, plus French usage errors.
import { afterEach, describe, expect, it } from 'vitest';
import { commands } from '../../src/main/cli/index';
import { runCli } from '../../src/main/cli/framework';
import * as mtg from '../../src/main/services/meetings';
import { openFixture, type Fixture } from './meetings-fixture';

let f: Fixture;
afterEach(async () => {
  await f?.store.close();
});

async function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, commands, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('meetings CLI', () => {
  it('prints the decisions log and the attendance per institution', async () => {
    f = await openFixture();
    const { meeting } = await mtg.createMeeting(f.ctx, { instanceId: f.ids.plenary, title: 'Plénière', date: '2026-02-10', startTime: '14:00' });
    await mtg.capture(f.ctx, { meetingId: meeting.id, kind: 'decision', text: 'Lancer une marche exploratoire', situationRef: '2026-004' });
    await mtg.setAttendance(f.ctx, { meetingId: meeting.id, inviteeId: meeting.invitees[0].id, status: 'present' });
    await mtg.transitionMeeting(f.ctx, meeting.id, 'in_progress');
    await mtg.transitionMeeting(f.ctx, meeting.id, 'held');
    await f.store.close();

    const d = await run(['decisions', '--data', f.dir]);
    expect(d.code).toBe(0);
    expect(d.out).toContain('situation n° 2026-004 — Lancer une marche exploratoire');
    const j = await run(['decisions', '--data', f.dir, '--json', '--search', 'inexistant']);
    expect(JSON.parse(j.out)).toEqual([]);
    const a = await run(['attendance', '--data', f.dir, '--year', '2026']);
    expect(a.out).toContain('Préfecture du Loiret\t100 %\t1/1');
    const bad = await run(['attendance', '--data', f.dir, '--year', '26']);
    expect(bad.code).not.toBe(0);
    expect(bad.err).toMatch(/année sur quatre chiffres/);
    const badDate = await run(['decisions', '--data', f.dir, '--from', '10/02/2026']);
    expect(badDate.err).toMatch(/AAAA-MM-JJ/);
  });
});
