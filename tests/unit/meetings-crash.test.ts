// Kills a process while it is taking live notes (SIGKILL) and checks the last acknowledged notes are there on restart.
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createContext } from '../../src/main/services/context';
import * as mtg from '../../src/main/services/meetings';
import { Store } from '../../src/main/store/store';
import { buildFixtureDoc } from './meetings-fixture';

const root = resolve(__dirname, '../..');

/** The writer: types notes word by word through the notes service, printing « ack N » once each save resolves. */
const WRITER = `
import { createContext } from ${JSON.stringify(join(root, 'src/main/services/context.ts'))};
import { saveNotes } from ${JSON.stringify(join(root, 'src/main/services/meetings/live.ts'))};
import { Store } from ${JSON.stringify(join(root, 'src/main/store/store.ts'))};
const [dir, meetingId, itemId] = process.argv.slice(2);
const store = Store.open(dir, { owner: 'test' });
const ctx = createContext(store);
let text = '';
for (let n = 1; ; n++) {
  text += 'mot' + n + ' ';
  // Like the renderer: a save per pause in typing, without waiting for the previous one.
  const p = saveNotes(ctx, { meetingId, agendaItemId: itemId, notes: text });
  const sent = n;
  p.then(() => process.stdout.write('ack ' + sent + '\\n'));
  if (n % 3 === 0) await p;
}
`;

let store: Store | undefined;
afterEach(async () => {
  await store?.close();
  store = undefined;
});

function runAndKill(script: string, args: string[], killAfterAcks: number): Promise<{ lastAck: number; stderr: string }> {
  return new Promise((res, rej) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let lastAck = 0;
    let buf = '';
    let stderr = '';
    let killed = false;
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      buf += chunk;
      let nl: number;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const [kind, n] = buf.slice(0, nl).split(' ');
        buf = buf.slice(nl + 1);
        if (kind === 'ack') lastAck = Math.max(lastAck, Number(n));
      }
      if (!killed && lastAck >= killAfterAcks) {
        killed = true;
        child.kill('SIGKILL');
      }
    });
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', rej);
    child.on('exit', (_code, signal) => {
      if (!killed) rej(new Error(`writer stopped by itself (${signal ?? _code}): ${stderr}`));
      else res({ lastAck, stderr });
    });
  });
}

describe('notes survive a crash of the writer', () => {
  it('finds every acknowledged word after SIGKILL during note-taking', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'clspd-'));
    store = Store.open(dir, { owner: 'test' });
    const { doc, ids } = buildFixtureDoc();
    await store.initialise(doc);
    const ctx = createContext(store);
    const { meeting } = await mtg.createMeeting(ctx, { instanceId: ids.plenary, title: 'Plénière', date: '2026-06-10', startTime: '14:00', template: 'plenary' });
    await mtg.transitionMeeting(ctx, meeting.id, 'in_progress');
    const itemId = meeting.agenda[1].id;
    await store.close();
    store = undefined;

    const script = join(dir, 'writer.mts');
    writeFileSync(script, WRITER);
    for (const killAfter of [5, 40, 120]) {
      const { lastAck } = await runAndKill(script, [dir, meeting.id, itemId], killAfter);
      expect(lastAck).toBeGreaterThanOrEqual(killAfter);
      // Reopen like the app after a crash: the stale lock is taken over, the file is readable.
      store = Store.open(dir, { owner: 'test' });
      const notes = store.data.meetings[0].agenda.find((i) => i.id === itemId)!.notes;
      const words = notes.trim().split(' ');
      // The text on disk holds at least every acknowledged word, in order, and nothing else.
      expect(words.length).toBeGreaterThanOrEqual(lastAck);
      expect(words.slice(0, lastAck)).toEqual(Array.from({ length: lastAck }, (_, i) => `mot${i + 1}`));
      await store.close();
      store = undefined;
    }
  });
});
