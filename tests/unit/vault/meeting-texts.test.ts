// Confidential meetings' notes and decision texts live in the protected store: written there, read back when unlocked, refused when locked, absent from clspd.json and search.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createInvoker } from '../../../src/main/ipc/handlers';
import { createContext, type ServiceContext } from '../../../src/main/services/context';
import { DATA_FILE, Store } from '../../../src/main/store/store';
import { Vault } from '../../../src/main/vault';
import type { MeetingDetail } from '../../../src/shared/contract/meetings';
import { cleanTempDirs, sampleDatastore, sha256, tempDir } from '../../helpers/fixtures';

const stores: Store[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close().catch(() => undefined);
  cleanTempDirs();
});

const NOTE = 'Situation 2026-014 évoquée : orientation vers le PRE';
const DECISION = 'Proposer un accompagnement éducatif (situation 2026-014)';

async function setup(): Promise<{ dir: string; ctx: ServiceContext; call: (c: string, p?: unknown) => Promise<unknown>; v: Vault }> {
  const dir = tempDir();
  const doc = sampleDatastore();
  // The confidential meeting in progress, with one agenda item.
  const m = doc.meetings.find((x) => x.id === 'mee_3')!;
  m.status = 'in_progress';
  m.agenda = [{ id: 'itm_1', kind: 'item', title: 'Situations', durationMin: 30, linkedActionIds: [], notes: '' }];
  const store = Store.open(dir, { owner: 'test' });
  stores.push(store);
  await store.initialise(doc);
  const ctx = createContext(store);
  const v = new Vault(dir);
  ctx.vault = v;
  await v.create('phrase de passe de test');
  const invoke = createInvoker(ctx, undefined, () => undefined);
  const call = async (c: string, p?: unknown) => {
    const r = await invoke(c, p);
    if (!r.ok) throw Object.assign(new Error(r.error.message), { code: r.error.code });
    return r.value;
  };
  return { dir, ctx, call, v };
}

function folderBytes(dir: string): Buffer {
  const parts: Buffer[] = [];
  const walk = (d: string) => {
    for (const n of readdirSync(d)) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else parts.push(readFileSync(p));
    }
  };
  walk(dir);
  return Buffer.concat(parts);
}

describe('texts of confidential meetings', () => {
  it('notes and decisions go to the vault; clspd.json keeps placeholders; the meeting reads them back', async () => {
    const { dir, ctx, call } = await setup();
    await call('meetings:saveNotes', { meetingId: 'mee_3', agendaItemId: 'itm_1', notes: NOTE });
    await call('meetings:saveNotes', { meetingId: 'mee_3', notes: 'Notes générales confidentielles' });
    const captured = (await call('meetings:capture', { meetingId: 'mee_3', kind: 'decision', text: DECISION, agendaItemId: 'itm_1' })) as { decision: { id: string; text: string } };
    expect(captured.decision.text).toBe(DECISION);
    await ctx.store.flush();
    const onDisk = readFileSync(join(dir, DATA_FILE), 'utf8');
    expect(onDisk).not.toContain('2026-014');
    expect(onDisk).not.toContain('Notes générales confidentielles');
    expect(folderBytes(dir).includes(Buffer.from('accompagnement'))).toBe(false);
    const stored = ctx.store.data.meetings.find((m) => m.id === 'mee_3')!;
    expect(stored.decisions).toHaveLength(1);
    expect(stored.decisions[0].text).toBe('');
    const detail = (await call('meetings:get', { id: 'mee_3' })) as MeetingDetail;
    expect(detail.textsLocked).toBeUndefined();
    expect(detail.meeting.agenda[0].notes).toBe(NOTE);
    expect(detail.meeting.generalNotes).toBe('Notes générales confidentielles');
    expect(detail.meeting.decisions[0].text).toBe(DECISION);
    await call('meetings:updateDecision', { meetingId: 'mee_3', decisionId: captured.decision.id, text: 'Texte corrigé' });
    expect(((await call('meetings:get', { id: 'mee_3' })) as MeetingDetail).meeting.decisions[0].text).toBe('Texte corrigé');
    // The decisions log reads and searches them while unlocked.
    const log = (await call('meetings:decisions', { query: 'corrigé' })) as { decision: { text: string } }[];
    expect(log.map((r) => r.decision.text)).toEqual(['Texte corrigé']);
    // Global search never shows the vault's content.
    const hits = (await call('search:global', { query: 'corrigé' })) as unknown[];
    expect(JSON.stringify(hits)).not.toContain('corrigé');
  });

  it('locked: the meeting shows no text and says so; saving notes or capturing is refused and writes nothing', async () => {
    const { dir, ctx, call, v } = await setup();
    await call('meetings:saveNotes', { meetingId: 'mee_3', agendaItemId: 'itm_1', notes: NOTE });
    v.lock();
    const detail = (await call('meetings:get', { id: 'mee_3' })) as MeetingDetail;
    expect(detail.textsLocked).toBe(true);
    expect(detail.meeting.agenda[0].notes).toBe('');
    await ctx.store.flush();
    const before = [sha256(join(dir, DATA_FILE)), sha256(v.file)];
    await expect(call('meetings:saveNotes', { meetingId: 'mee_3', agendaItemId: 'itm_1', notes: 'autre' })).rejects.toMatchObject({ code: 'locked' });
    await expect(call('meetings:capture', { meetingId: 'mee_3', kind: 'decision', text: 'x' })).rejects.toThrow(/verrouillé/);
    await expect(call('documents:minutes', { meetingId: 'mee_3' })).rejects.toThrow(/verrouillé/);
    await ctx.store.flush();
    expect([sha256(join(dir, DATA_FILE)), sha256(v.file)]).toEqual(before);
    expect(ctx.store.data.meetings.find((m) => m.id === 'mee_3')!.decisions).toHaveLength(0);
    // Other meetings do not need the vault.
    await call('meetings:saveNotes', { meetingId: 'mee_2', notes: 'Notes de la restreinte' });
    await call('vault:unlock', { passphrase: 'phrase de passe de test' });
    expect(((await call('meetings:get', { id: 'mee_3' })) as MeetingDetail).meeting.agenda[0].notes).toBe(NOTE);
  });

  it('a meeting raised to confidential moves its texts into the vault', async () => {
    const { dir, ctx, call } = await setup();
    await call('meetings:saveNotes', { meetingId: 'mee_2', notes: 'Texte à protéger' });
    await call('meetings:update', { id: 'mee_2', patch: { confidentiality: 'confidential' } });
    await ctx.store.flush();
    expect(readFileSync(join(dir, DATA_FILE), 'utf8')).not.toContain('Texte à protéger');
    expect(((await call('meetings:get', { id: 'mee_2' })) as MeetingDetail).meeting.generalNotes).toBe('Texte à protéger');
  });
});
