// The « Réunions archivées » channels: meetings of closed periods read from their archive files, read-only.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createInvoker } from '../../src/main/ipc/handlers';
import { setupDemo } from '../../src/main/services/app';
import { createContext } from '../../src/main/services/context';
import { closePeriod } from '../../src/main/services/strategy/periods';
import { Store } from '../../src/main/store/store';
import type { ArchivedMeetingDetail, ArchivedMeetingRow } from '../../src/shared/contract/meetings';

let dir = '';
let store: Store | undefined;
afterEach(async () => {
  await store?.close();
  store = undefined;
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function closedDemo() {
  dir = mkdtempSync(join(tmpdir(), 'clspd-arch-mtg-'));
  store = Store.open(dir, { owner: 'test' });
  const ctx = createContext(store);
  await setupDemo(ctx);
  const period = store.data.periods.find((p) => p.id === store!.data.settings.activePeriodId)!;
  const before = store.data.meetings.map((m) => ({ ...m }));
  const closed = await closePeriod(ctx, period.id);
  const live = new Set(store.data.meetings.map((m) => m.id));
  const archived = before.filter((m) => !live.has(m.id));
  return { ctx, period, closed, archived, invoke: createInvoker(ctx, undefined, () => undefined) };
}

describe('meetings:archived', () => {
  it('lists the meetings that left the live file, most recent first, with their period and instance', async () => {
    const { invoke, archived, period } = await closedDemo();
    expect(archived.length).toBeGreaterThan(0);
    const r = await invoke('meetings:archived', undefined);
    expect(r.ok).toBe(true);
    const rows = (r as { value: ArchivedMeetingRow[] }).value;
    expect(rows.map((x) => x.id).sort()).toEqual(archived.map((m) => m.id).sort());
    // Meetings still to follow stay live and are not listed twice.
    expect(rows.every((x) => !store!.data.meetings.some((m) => m.id === x.id))).toBe(true);
    expect(rows.every((x) => x.periodId === period.id && x.periodTitle === period.title)).toBe(true);
    const dates = rows.map((x) => x.date + x.startTime);
    expect([...dates].sort().reverse()).toEqual(dates);
    const first = archived.find((m) => m.id === rows[0]!.id)!;
    expect(rows[0]).toMatchObject({ title: first.title, status: first.status, decisions: first.decisions.length });
    expect(rows[0]!.instanceName).toBe(store!.data.instances.find((i) => i.id === first.instanceId)!.name);
  });

  it('filters by words (accents ignored) and by period', async () => {
    const { invoke, archived, period } = await closedDemo();
    const plenary = archived.find((m) => /pl[eé]ni[eè]re/i.test(m.title))!;
    expect(plenary).toBeDefined();
    const r = (await invoke('meetings:archived', { query: 'PLENIERE' })) as { ok: true; value: ArchivedMeetingRow[] };
    expect(r.value.some((x) => x.id === plenary.id)).toBe(true);
    expect(r.value.every((x) => /pl[eé]ni[eè]re/i.test(x.title + x.instanceName))).toBe(true);
    const none = (await invoke('meetings:archived', { periodId: 'no-such-period' })) as { ok: true; value: ArchivedMeetingRow[] };
    expect(none.value).toEqual([]);
    const same = (await invoke('meetings:archived', { periodId: period.id, limit: 2 })) as { ok: true; value: ArchivedMeetingRow[] };
    expect(same.value).toHaveLength(2);
  });

  it('rejects unexpected input and returns nothing when no period is closed', async () => {
    dir = mkdtempSync(join(tmpdir(), 'clspd-arch-mtg-'));
    store = Store.open(dir, { owner: 'test' });
    const ctx = createContext(store);
    await setupDemo(ctx);
    const invoke = createInvoker(ctx, undefined, () => undefined);
    expect(await invoke('meetings:archived', {})).toEqual({ ok: true, value: [] });
    const bad = await invoke('meetings:archived', { query: 'x', path: '../etc' });
    expect(bad.ok).toBe(false);
    const bad2 = await invoke('meetings:archived', { limit: -1 });
    expect(bad2.ok).toBe(false);
  });

  it('skips an archive file that cannot be read, without failing the list', async () => {
    const { invoke, closed } = await closedDemo();
    writeFileSync(join(dir, closed.archiveFile!), '{ not json');
    expect(await invoke('meetings:archived', undefined)).toEqual({ ok: true, value: [] });
  });
});

describe('meetings:archivedGet', () => {
  it('returns the archived meeting with its agenda, notes, decisions and attendance', async () => {
    const { invoke, archived, period } = await closedDemo();
    const m = archived[0]!;
    const r = (await invoke('meetings:archivedGet', { periodId: period.id, id: m.id })) as { ok: true; value: ArchivedMeetingDetail };
    expect(r.ok).toBe(true);
    expect(r.value.meeting).toEqual(m);
    expect(r.value.periodTitle).toBe(period.title);
    expect(r.value.invitees).toHaveLength(m.invitees.length);
  });

  it('names the directory people who represented an invitee', async () => {
    const { invoke, archived, period } = await closedDemo();
    const m = archived.find((x) => x.attendance.some((a) => a.status === 'represented' && a.representedByPersonId));
    expect(m).toBeDefined(); // the demo's December plenary has a préfet represented by a colleague
    if (!m) return;
    const a = m.attendance.find((x) => x.status === 'represented' && x.representedByPersonId)!;
    const person = store!.data.people.find((p) => p.id === a.representedByPersonId)!;
    const r = (await invoke('meetings:archivedGet', { periodId: period.id, id: m.id })) as { ok: true; value: ArchivedMeetingDetail };
    expect(r.value.representatives[person.id]).toContain(person.lastName);
  });

  it('says in French when the meeting is not in that archive', async () => {
    const { invoke, period } = await closedDemo();
    const r = await invoke('meetings:archivedGet', { periodId: period.id, id: 'nope' });
    expect(r).toMatchObject({ ok: false, error: { code: 'not_found', message: expect.stringContaining('introuvable') } });
  });
});
