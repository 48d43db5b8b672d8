// Meeting reminders for « À faire maintenant »: plenary not held, charters, office holder changed, minutes to validate, meetings to prepare.
import { afterEach, describe, expect, it } from 'vitest';
import { quickCell } from '../../src/main/services/instances';
import { saveCharterReview } from '../../src/main/services/instances/governance';
import * as mtg from '../../src/main/services/meetings';
import { meetingReminders } from '../../src/main/services/reminders/meetings';
import { openFixture, type Fixture } from './meetings-fixture';

let f: Fixture;
afterEach(async () => {
  await f?.store.close();
});

describe('meeting reminders', () => {
  it('lists the council’s obligations and the meetings to prepare', async () => {
    f = await openFixture(() => new Date('2026-10-01T08:00:00.000Z'));
    const today = '2026-10-01';
    let r = meetingReminders(f.ctx, today);
    expect(r.find((x) => x.kind === 'plenary_missing')).toMatchObject({ severity: 'high', title: expect.stringContaining('2026') });

    // a cellule created last year, with one unsigned member and one signature older than a year (still valid: signed once)
    const cell = await quickCell(f.ctx, { theme: 'VIF', personIds: [f.ids.ccasDir, f.ids.cpe], startDate: '2025-01-01', charterSignedAt: '2025-01-15' });
    await f.store.update((d) => {
      delete d.memberships.find((m) => m.instanceId === cell.instance.id && m.personId === f.ids.cpe)!.charterSignedAt;
      d.organisations.find((o) => o.id === f.ids.prefecture)!.officeHolderChangedAt = '2026-09-01';
      d.instances.find((i) => i.id === cell.instance.id)!.createdAt = '2025-01-01T09:00:00.000Z';
    });
    // a held meeting two months ago, a draft in 5 days, a convened one in 12 days, one in 20 days
    const { meeting: old } = await mtg.createMeeting(f.ctx, { instanceId: f.ids.restricted, title: 'Copil juillet', date: '2026-07-20', startTime: '09:00' });
    await mtg.transitionMeeting(f.ctx, old.id, 'in_progress');
    await mtg.transitionMeeting(f.ctx, old.id, 'held');
    const { meeting: soon } = await mtg.createMeeting(f.ctx, { instanceId: cell.instance.id, title: 'Cellule VIF', date: '2026-10-06', startTime: '09:00' });
    const { meeting: plen } = await mtg.createMeeting(f.ctx, { instanceId: f.ids.plenary, title: 'Plénière 2026', date: '2026-10-13', startTime: '18:00' });
    await mtg.transitionMeeting(f.ctx, plen.id, 'convened');
    await mtg.createMeeting(f.ctx, { instanceId: f.ids.restricted, title: 'Copil novembre', date: '2026-10-21', startTime: '09:00' });

    r = meetingReminders(f.ctx, today);
    const byKind = (k: string) => r.filter((x) => x.kind === k || x.id.startsWith(k));
    expect(byKind('plenary_missing')[0]).toMatchObject({ severity: 'medium', link: { screen: 'meeting', id: plen.id } });
    expect(byKind('charter:')).toHaveLength(1);
    expect(byKind('charter:')[0]).toMatchObject({ title: expect.stringContaining('1 signature de la charte déontologique à recueillir'), link: { screen: 'instance', id: cell.instance.id } });
    expect(r.some((x) => /renouveler/.test(x.title))).toBe(false);
    // no bilan d'application since the group was created more than a year ago: the yearly review is late
    expect(byKind('charter-review:')[0]).toMatchObject({ severity: 'medium', date: '2026-01-01', title: expect.stringContaining('bilan annuel d’application de la charte') });
    await saveCharterReview(f.ctx, { instanceId: cell.instance.id, year: 2026, reviewedOn: '2026-09-15', summary: 'Échanges limités au strict nécessaire.' });
    expect(meetingReminders(f.ctx, today).some((x) => x.id.startsWith('charter-review:'))).toBe(false);
    // it comes back 30 days before the next one is due
    expect(meetingReminders(f.ctx, '2027-08-20').find((x) => x.id.startsWith('charter-review:'))).toMatchObject({ severity: 'low', date: '2027-09-15' });
    expect(byKind('office:')[0].title).toMatch(/Préfecture du Loiret : le titulaire du poste a changé/);
    expect(byKind('minutes_to_validate').map((x) => x.link.id)).toEqual([old.id]);
    const prep = byKind('meeting_to_prepare');
    expect(prep.map((x) => [x.link.id, x.severity])).toEqual([
      [soon.id, 'high'],
      [plen.id, 'low'],
    ]);

    // once the plenary is held and the minutes validated, those reminders go
    await mtg.transitionMeeting(f.ctx, plen.id, 'in_progress');
    await mtg.transitionMeeting(f.ctx, plen.id, 'held');
    await mtg.transitionMeeting(f.ctx, old.id, 'validated');
    r = meetingReminders(f.ctx, today);
    expect(r.some((x) => x.kind === 'plenary_missing' || x.kind === 'minutes_to_validate')).toBe(false);
  });
});
