// The title of a plan action decided in a confidential meeting, renamed from the plan on the coordinator's desktop in team mode
// (real `serve` + PostgreSQL, through a relay logging every body sent): kept in the coffre, refused by the server from anyone else.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaptureResult } from '../../src/shared/contract/meetings';
import type { ActionDetail } from '../../src/shared/contract/strategy';
import { strategy } from '../../src/shared/i18n/strategy';
import { team } from '../../src/shared/i18n/team';
import type { Action } from '../../src/shared/model';
import type { TeamClient } from '../../src/main/team/client';
import { looksFrench } from '../helpers/fixtures';
import { refusingProxy } from '../helpers/logging-relay';
import { rowsMentioning } from '../helpers/pg-scan';
import { PHRASE, startCoffreTeam, value, type CoffreTeam } from '../helpers/team-coffre';

const skip = Boolean(process.env.CLSPD_TEST_NO_DATABASE);
/** Every title typed in this file carries this name: it must never reach the server while its meeting is confidential. */
const NAME = 'Séraphin';
let t: CoffreTeam;
let proxy: Awaited<ReturnType<typeof refusingProxy>>;
let alice: TeamClient;

beforeAll(async () => {
  if (skip) return;
  t = await startCoffreTeam('clspd-coffretitles-');
  proxy = await refusingProxy(t.server.port);
  alice = await t.desktop('alice@valmont.fr', true, [], `http://127.0.0.1:${proxy.port}`);
});

afterAll(async () => {
  if (skip) return;
  await proxy?.close();
  await t?.close();
});

const sentMentioning = (text: string) => proxy.log.filter((r) => r.body.includes(text));
const updatesSince = (from: number) => proxy.log.slice(from).filter((r) => r.path === '/api/actions/update');
const coffreTitles = async () => (await t.coffreFromFile()).meetingTexts.find((m) => m.meetingId === t.secret.id)?.actionTitles;

describe.skipIf(skip)('renaming an action decided in a confidential meeting (team mode)', () => {
  it('keeps the new title in the coffre, sends the rest of the change, and the server refuses a title from anyone', async () => {
    const captured = value<CaptureResult>(await alice.invoke('meetings:capture', { meetingId: t.secret.id, kind: 'action', text: 'Accompagner vers le collège' }));
    const id = captured.action!.id;

    // Only the title: nothing written on the server, the coffre holds it, the plan shows it here.
    const from = proxy.log.length;
    const renamed = value<Action>(await alice.invoke('actions:update', { id, patch: { title: `Accompagner ${NAME} au collège` } }));
    expect(renamed).toMatchObject({ id, title: `Accompagner ${NAME} au collège` });
    expect(updatesSince(from)).toEqual([]);
    expect(await coffreTitles()).toEqual({ [id]: `Accompagner ${NAME} au collège` });
    expect(value<ActionDetail>(await alice.invoke('actions:get', { id })).action.title).toBe(`Accompagner ${NAME} au collège`);

    // Title and progress: the progress reaches the server, the title the coffre.
    const both = value<Action>(await alice.invoke('actions:update', { id, patch: { title: `Suivre ${NAME} chaque semaine`, progress: 40 } }));
    expect(both).toMatchObject({ title: `Suivre ${NAME} chaque semaine`, progress: 40 });
    expect((await t.entityRow<Action>('actions', id)).progress).toBe(40);
    expect(await coffreTitles()).toEqual({ [id]: `Suivre ${NAME} chaque semaine` });

    // A change without a title is forwarded as usual.
    const before = proxy.log.length;
    expect(value<Action>(await alice.invoke('actions:update', { id, patch: { progress: 60 } })).progress).toBe(60);
    expect(updatesSince(before).map((r) => JSON.parse(r.body) as unknown)).toEqual([{ id, patch: { progress: 60 } }]);
    expect((await t.entityRow<Action>('actions', id)).progress).toBe(60);

    // Coffre locked: refused in French, nothing sent.
    t.vault.lock();
    try {
      const locked = await alice.invoke('actions:update', { id, patch: { title: `Verrouillé ${NAME}` } });
      expect(locked.ok).toBe(false);
      if (!locked.ok) expect(locked.error.message).toBe(team.desktop.errors.coffreLocked);
    } finally {
      await t.vault.unlock(PHRASE);
    }

    // The server has the placeholder only: no body sent and no table holds the name.
    expect((await t.entityRow<Action>('actions', id)).title).toBe(team.confidentialPlaceholder);
    expect(sentMentioning(NAME)).toEqual([]);
    expect((await rowsMentioning(t.pool, NAME)).total).toBe(0);

    // A colleague (member of the cellule, her desktop has no coffre) renaming it directly: refused, the row unchanged.
    const row = await t.entityRow<Action>('actions', id);
    const chloe = await t.desktop('chloe@valmont.fr', false);
    const refused = await chloe.invoke('actions:update', { id, patch: { title: `Titre de Chloé sur ${NAME}` } });
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.message).toBe(team.errors.confidentialActionTitle);
      expect(looksFrench(refused.error.message)).toBe(true);
    }
    expect(await t.entityRow<Action>('actions', id)).toEqual(row);
    expect((await rowsMentioning(t.pool, NAME)).total).toBe(0);

    // Its period closed: refused as the service refuses it, the coffre's title unchanged.
    value(await alice.invoke('strategy:closePeriod', { id: row.periodId }));
    const closed = await alice.invoke('actions:update', { id, patch: { title: 'Titre après clôture' } });
    expect(closed.ok).toBe(false);
    if (!closed.ok) expect(closed.error.message).toBe(strategy.errors.periodClosed);
    expect(await coffreTitles()).toEqual({ [id]: `Suivre ${NAME} chaque semaine` });
  });
});
