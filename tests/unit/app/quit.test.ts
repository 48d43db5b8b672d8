// Quit ordering (src/main/app/quit.ts) against a simulated Electron: a held unload, retries, the French choice, and a note
// typed in the last second before Ctrl+Q that must be on disk once the app has quit.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({}));

import { installQuitOrdering, installShutdown, type QuitOrderingOptions } from '../../../src/main/app/quit';
import { createInvoker } from '../../../src/main/ipc/handlers';
import { setupDemo } from '../../../src/main/services/app';
import { createContext } from '../../../src/main/services/context';
import { Store } from '../../../src/main/store/store';
import { NotesAutosaver } from '../../../src/renderer/src/screens/meetings/notesAutosave';
import type { NotesSaved } from '../../../src/shared/contract/meetings';
import type { Result } from '../../../src/shared/result';

type Listener = (...args: unknown[]) => void;
const ev = () => {
  let prevented = false;
  return { preventDefault: () => void (prevented = true), get prevented() { return prevented; } };
};

/**
 * Electron's quit, reduced to what matters here: app.quit() emits before-quit, then asks every window to close; a
 * page whose beforeunload refuses emits will-prevent-unload, and unless that event is prevented the close AND the
 * whole quit are cancelled. Once every window is closed, will-quit is emitted; if nobody prevents it, the app exits.
 */
function fakeElectron(beforeUnload: () => boolean) {
  const appL = new Map<string, Listener[]>();
  const on = (m: Map<string, Listener[]>) => (name: string, fn: Listener) => void m.set(name, [...(m.get(name) ?? []), fn]);
  const emit = (m: Map<string, Listener[]>, name: string, ...a: unknown[]) => (m.get(name) ?? []).forEach((f) => f(...a));
  const winL = new Map<string, Listener[]>();
  const contentsL = new Map<string, Listener[]>();
  const sim = { exited: false, windowOpen: true, quitCalls: 0 };
  const tryClose = (): boolean => {
    if (!sim.windowOpen) return true;
    if (beforeUnload()) {
      const e = ev();
      emit(contentsL, 'will-prevent-unload', e);
      if (!e.prevented) return false;
    }
    sim.windowOpen = false;
    return true;
  };
  const app = {
    on: on(appL),
    quit: vi.fn(() => {
      sim.quitCalls++;
      emit(appL, 'before-quit', ev());
      if (!tryClose()) return;
      const e = ev();
      emit(appL, 'will-quit', e);
      if (!e.prevented) sim.exited = true;
    }),
    exit: vi.fn(() => void (sim.exited = true)),
  };
  const win = { on: on(winL), webContents: { on: on(contentsL) }, isDestroyed: () => !sim.windowOpen, close: vi.fn(() => void tryClose()), emitWindow: (n: string) => emit(winL, n) };
  return { app, win, sim };
}

const dirs: string[] = [];
afterEach(() => {
  vi.useRealTimers();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('quit ordering', () => {
  function setup(beforeUnload: () => boolean, over: Partial<QuitOrderingOptions> = {}) {
    const f = fakeElectron(beforeUnload);
    const close = vi.fn(async () => undefined);
    const confirmLeave = vi.fn(() => false);
    const ordering = installQuitOrdering({ app: f.app as never, close, confirmLeave, retryDelayMs: 10, maxRetries: 2, ...over });
    ordering.watchWindow(f.win as never);
    return { ...f, close, confirmLeave, ordering };
  }

  it('flushes and releases only at will-quit, once every window has closed, then exits', async () => {
    const s = setup(() => false);
    s.app.quit();
    expect(s.close).toHaveBeenCalledOnce();
    await vi.waitFor(() => expect(s.sim.exited).toBe(true));
    expect(s.ordering.state).toBe('closed');
  });

  it('a page that keeps refusing: retried, then the French choice; « Rester » cancels and nothing was released', async () => {
    const s = setup(() => true);
    s.app.quit();
    await new Promise((r) => setTimeout(r, 80));
    expect(s.sim.quitCalls).toBe(3); // the first quit and two retries
    expect(s.confirmLeave).toHaveBeenCalledOnce();
    expect(s.close).not.toHaveBeenCalled();
    expect(s.sim.exited).toBe(false);
    expect(s.ordering.state).toBe('running');
    // Re-armed: a later quit goes through the same steps, and « Quitter quand même » closes for good.
    s.confirmLeave.mockReturnValue(true);
    s.app.quit();
    await vi.waitFor(() => expect(s.sim.exited).toBe(true));
    expect(s.close).toHaveBeenCalledOnce();
  });

  it('Windows log-off (session-end) and a powerMonitor shutdown close the datastore even without before-quit', async () => {
    const s = setup(() => false);
    s.win.emitWindow('session-end');
    expect(s.close).toHaveBeenCalledOnce();
    const t = setup(() => true, { maxRetries: 0 });
    const pm = new Map<string, Listener>();
    let later: (() => void) | undefined;
    installShutdown(t.app as never, { on: (n: string, fn: Listener) => pm.set(n, fn) } as never, t.ordering, 3_000, (fn) => void (later = fn));
    const e = ev();
    pm.get('shutdown')!(e);
    expect(e.prevented).toBe(true); // the shutdown waits for us
    expect(t.app.quit).toHaveBeenCalled();
    later!();
    await vi.waitFor(() => expect(t.app.exit).toHaveBeenCalledWith(0));
    expect(t.close).toHaveBeenCalledOnce();
  });
});

describe('a note typed in the last second before Ctrl+Q', () => {
  it('is on disk after the app has quit', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'clspd-quit-'));
    dirs.push(dir);
    const store = Store.open(dir, { owner: 'test' });
    const ctx = createContext(store);
    await setupDemo(ctx);
    const invoke = createInvoker(ctx);
    // A meeting whose notes can still change (validated minutes are locked).
    let meeting = store.data.meetings[0];
    for (const m of store.data.meetings.filter((x) => x.agenda.length > 0)) {
      const r = await invoke('meetings:saveNotes', { meetingId: m.id, agendaItemId: m.agenda[0].id, notes: m.agenda[0].notes ?? '' });
      if (r.ok) {
        meeting = m;
        break;
      }
    }
    const item = meeting.agenda[0];
    // The séance screen's autosaver, talking to the real handlers as the preload would.
    const saver = new NotesAutosaver(meeting.id, (i) => invoke('meetings:saveNotes', i) as Promise<Result<NotesSaved>>);
    // What LiveScreen does on beforeunload: send what is pending, and hold the unload while it is unsaved.
    const beforeUnload = () => {
      void saver.flush();
      return saver.hasUnsaved;
    };
    const f = fakeElectron(beforeUnload);
    const ordering = installQuitOrdering({ app: f.app as never, close: () => store.close(), confirmLeave: () => false, retryDelayMs: 50 });
    ordering.watchWindow(f.win as never);

    const text = 'Décision : la cellule se réunira le 12 ; dernière ligne tapée juste avant Ctrl+Q.';
    saver.change(item.id, text); // debounce timer (300 ms) still running
    f.app.quit(); // Ctrl+Q
    await vi.waitFor(() => expect(f.sim.exited).toBe(true), { timeout: 5_000 });
    expect(ordering.state).toBe('closed');

    const reopened = Store.open(dir, { owner: 'test', readOnly: true });
    const saved = reopened.data.meetings.find((m) => m.id === meeting.id)!;
    expect(JSON.stringify(saved)).toContain(text);
    await reopened.close();
  });
});
