// The live notes autosaver: typing never waits, saves are debounced and capped at one second, ordered, retried after an error.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { GENERAL, NotesAutosaver, type SendNotes } from '../../src/renderer/src/screens/meetings/notesAutosave';
import type { NotesSaved } from '../../src/shared/contract/meetings';
import type { Result } from '../../src/shared/result';

type Call = { agendaItemId?: string; notes: string; resolve: (r: Result<NotesSaved>) => void };

function fakeSend() {
  const calls: Call[] = [];
  const send: SendNotes = (input) => new Promise((resolve) => calls.push({ agendaItemId: input.agendaItemId, notes: input.notes, resolve }));
  return { calls, send };
}
const ok: Result<NotesSaved> = { ok: true, value: { savedAt: '2026-01-01T00:00:00.000Z' } };

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('NotesAutosaver', () => {
  it('returns at once, sends after a 300 ms pause, and reports the honest state', async () => {
    const { calls, send } = fakeSend();
    const s = new NotesAutosaver('m1', send);
    const states: string[] = [];
    s.subscribe((x) => states.push(x.status));
    s.change('i1', 'a');
    s.change('i1', 'ab');
    expect(calls).toHaveLength(0);
    expect(s.current.status).toBe('pending');
    expect(s.draft('i1')).toBe('ab');
    await vi.advanceTimersByTimeAsync(299);
    expect(calls).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls.map((c) => c.notes)).toEqual(['ab']);
    expect(s.current.status).toBe('saving');
    calls[0].resolve(ok);
    await vi.advanceTimersByTimeAsync(0);
    expect(s.current.status).toBe('saved');
    expect(states).toEqual(['pending', 'saving', 'saved']);
  });

  it('continuous typing still saves at least every second', async () => {
    const { calls, send } = fakeSend();
    const s = new NotesAutosaver('m1', send);
    let text = '';
    const sent: string[] = [];
    for (let t = 0; t < 2500; t += 100) {
      text += 'x';
      s.change('i1', text);
      await vi.advanceTimersByTimeAsync(100);
      // The store acknowledges each save quickly.
      for (const c of calls.splice(0)) {
        sent.push(c.notes);
        c.resolve(ok);
      }
    }
    // No pause of 300 ms ever happened, yet saves went out about once a second.
    expect(sent.length).toBeGreaterThanOrEqual(2);
    expect(sent[0].length).toBeLessThanOrEqual(11);
  });

  it('never has two saves of one item in flight: the newer text follows the first', async () => {
    const { calls, send } = fakeSend();
    const s = new NotesAutosaver('m1', send);
    s.change('i1', 'one');
    void s.flush();
    await vi.advanceTimersByTimeAsync(0);
    s.change('i1', 'one two');
    await vi.advanceTimersByTimeAsync(400);
    expect(calls).toHaveLength(1);
    calls[0].resolve(ok);
    await vi.advanceTimersByTimeAsync(0);
    expect(calls.map((c) => c.notes)).toEqual(['one', 'one two']);
    calls[1].resolve(ok);
    await vi.advanceTimersByTimeAsync(0);
    expect(s.current.status).toBe('saved');
    expect(s.hasUnsaved).toBe(false);
  });

  it('keeps the text after a failed save, says so, and retries', async () => {
    const { calls, send } = fakeSend();
    const s = new NotesAutosaver('m1', send);
    s.change(GENERAL, 'notes générales');
    void s.flush();
    await vi.advanceTimersByTimeAsync(0);
    expect(calls[0].agendaItemId).toBeUndefined();
    calls[0].resolve({ ok: false, error: { code: 'io', message: 'L’enregistrement a échoué : disque plein.' } });
    await vi.advanceTimersByTimeAsync(0);
    expect(s.current).toMatchObject({ status: 'error', message: 'L’enregistrement a échoué : disque plein.' });
    expect(s.hasUnsaved).toBe(true);
    await vi.advanceTimersByTimeAsync(2000);
    expect(calls).toHaveLength(2);
    expect(calls[1].notes).toBe('notes générales');
    calls[1].resolve(ok);
    await vi.advanceTimersByTimeAsync(0);
    expect(s.current.status).toBe('saved');
  });

  it('saves several items independently', async () => {
    const { calls, send } = fakeSend();
    const s = new NotesAutosaver('m1', send);
    s.change('i1', 'a');
    s.change('i2', 'b');
    void s.flush();
    await vi.advanceTimersByTimeAsync(0);
    expect(calls.map((c) => [c.agendaItemId, c.notes])).toEqual([
      ['i1', 'a'],
      ['i2', 'b'],
    ]);
  });
});
