// Meetings benchmarks on the ten-year dataset: key-to-screen latency of live notes (40-item meeting), notes save and action capture to durable write.
import { fork, type ChildProcess } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { createInvoker, type Invoke } from '../../src/main/ipc/handlers';
import { createContext, type ServiceContext } from '../../src/main/services/context';
import { createMeeting, makeItem, saveNotes, transitionMeeting } from '../../src/main/services/meetings';
import { Store } from '../../src/main/store/store';
import type { NotesSaved } from '../../src/shared/contract/meetings';
import type { Result } from '../../src/shared/result';
import { tenYearCopy } from './fixtures';
import { bench } from './harness';

const ROOT = resolve(__dirname, '../..');
const TEXT = 'Le commissaire présente les faits du trimestre : hausse des rixes aux abords du centre commercial, deux signalements du collège. ';

/** A 40-item meeting in progress on an active instance of the ten-year dataset. */
async function prepareMeeting(ctx: ServiceContext): Promise<{ meetingId: string; itemId: string }> {
  const data = ctx.store.data;
  const instance = data.instances.find((i) => i.status === 'active' && i.kind === 'restricted') ?? data.instances.find((i) => i.status === 'active')!;
  const { meeting } = await createMeeting(ctx, { instanceId: instance.id, title: 'Réunion de mesure (40 points)', date: ctx.now().toISOString().slice(0, 10), startTime: '09:00', plannedEndTime: '17:00' });
  await ctx.store.update((d) => {
    const m = d.meetings.find((x) => x.id === meeting.id)!;
    m.agenda = Array.from({ length: 40 }, (_, i) => makeItem({ title: `Point ${i + 1} de l’ordre du jour`, durationMin: 10 }));
  });
  const m = await transitionMeeting(ctx, meeting.id, 'in_progress');
  return { meetingId: m.id, itemId: m.agenda[12].id };
}

// ---------- notes.typing.10y ----------

/** The main process stand-in: a child process with the real store and handler table, reached over IPC like the app. */
const SERVER = `
import { createInvoker } from ${JSON.stringify(join(ROOT, 'src/main/ipc/handlers.ts'))};
import { createContext } from ${JSON.stringify(join(ROOT, 'src/main/services/context.ts'))};
import { Store } from ${JSON.stringify(join(ROOT, 'src/main/store/store.ts'))};
const store = Store.open(process.argv[2], { owner: 'test' });
const invoke = createInvoker(createContext(store));
process.on('message', async (msg) => {
  const result = await invoke(msg.channel, msg.input);
  process.send({ id: msg.id, result });
});
process.on('disconnect', () => store.close().then(() => process.exit(0)));
process.send({ ready: true });
`;

interface TypingState {
  dir: string;
  child: ChildProcess;
  textarea: HTMLTextAreaElement;
  setValue: (el: HTMLTextAreaElement, v: string) => void;
  InputEvent: typeof Event;
  text: string;
  unmount: () => void;
  saves: number;
  saver: { flush(): Promise<void> };
}

/** jsdom globals Mantine and react-dom need, set before React is first loaded. */
function installDom(): { window: Window & typeof globalThis } {
  const req = createRequire(__filename);
  // jsdom ships no type declarations here: the one constructor used is typed by hand.
  const { JSDOM } = req('jsdom') as { JSDOM: new (html: string, options: { pretendToBeVisual: boolean }) => { window: unknown } };
  const dom = new JSDOM('<!doctype html><html lang="fr"><body><div id="root"></div></body></html>', { pretendToBeVisual: true });
  const w = dom.window as unknown as Window & typeof globalThis;
  const g = globalThis as Record<string, unknown>;
  for (const k of ['window', 'document', 'navigator', 'HTMLElement', 'HTMLTextAreaElement', 'Node', 'Element', 'Event', 'KeyboardEvent', 'MutationObserver', 'getComputedStyle', 'requestAnimationFrame', 'cancelAnimationFrame']) {
    const v = (w as unknown as Record<string, unknown>)[k];
    try {
      g[k] = typeof v === 'function' && /^[a-z]/.test(k) ? (v as (...a: unknown[]) => unknown).bind(w) : v;
    } catch {
      Object.defineProperty(globalThis, k, { value: v, configurable: true, writable: true });
    }
  }
  Object.defineProperty(w, 'matchMedia', {
    value: (query: string) => ({ matches: false, media: query, onchange: null, addListener() {}, removeListener() {}, addEventListener() {}, removeEventListener() {}, dispatchEvent: () => false }),
  });
  class ResizeObserverStub {
    observe() {}
    unobserve() {}
    disconnect() {}
  }
  g.ResizeObserver = ResizeObserverStub;
  (w as unknown as Record<string, unknown>).ResizeObserver = ResizeObserverStub;
  Object.defineProperty(w.document, 'fonts', { value: { addEventListener() {}, removeEventListener() {}, ready: Promise.resolve() } });
  g.IS_REACT_ACT_ENVIRONMENT = false;
  return { window: w };
}

function startServer(dir: string): Promise<{ child: ChildProcess; send: (channel: string, input: unknown) => Promise<Result<unknown>> }> {
  const script = join(dir, 'bench-server.mts');
  writeFileSync(script, SERVER);
  const child = fork(script, [dir], { execArgv: ['--import', 'tsx'], cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  const pending = new Map<number, (r: Result<unknown>) => void>();
  let next = 0;
  return new Promise((resolveReady, reject) => {
    child.on('error', reject);
    child.on('message', (m: { ready?: boolean; id?: number; result?: Result<unknown> }) => {
      if (m.ready) {
        resolveReady({
          child,
          send: (channel, input) =>
            new Promise((r) => {
              const id = ++next;
              pending.set(id, r);
              child.send({ id, channel, input });
            }),
        });
        return;
      }
      const r = pending.get(m.id!);
      pending.delete(m.id!);
      r?.(m.result!);
    });
  });
}

void bench<TypingState>('notes.typing.10y', {
  setup: async () => {
    const dir = tenYearCopy();
    const store = Store.open(dir, { owner: 'test' });
    const { meetingId, itemId } = await prepareMeeting(createContext(store));
    await store.close();
    const server = await startServer(dir);

    process.env.NODE_ENV = 'production';
    const { window } = installDom();
    const req = createRequire(__filename);
    const { createElement, Fragment } = req('react') as typeof import('react');
    const { createRoot } = req('react-dom/client') as typeof import('react-dom/client');
    const { flushSync } = req('react-dom') as typeof import('react-dom');
    const { MantineProvider } = req('@mantine/core') as typeof import('@mantine/core');
    const { theme } = req('../../src/renderer/src/app/theme') as typeof import('../../src/renderer/src/app/theme');
    const { NotesEditor } = req('../../src/renderer/src/screens/meetings/NotesEditor') as typeof import('../../src/renderer/src/screens/meetings/NotesEditor');
    const { NotesAutosaver } = req('../../src/renderer/src/screens/meetings/notesAutosave') as typeof import('../../src/renderer/src/screens/meetings/notesAutosave');

    const state = { saves: 0 } as TypingState;
    const saver = new NotesAutosaver(meetingId, async (input) => {
      state.saves++;
      return (await server.send('meetings:saveNotes', input)) as Result<NotesSaved>;
    });
    // The séance's DOM: the 40-item agenda beside the notes (the agenda does not re-render while typing).
    const agenda = createElement(
      'ol',
      null,
      Array.from({ length: 40 }, (_, i) => createElement('li', { key: i }, createElement('button', null, `Point ${i + 1} de l’ordre du jour`), createElement('span', null, '00:00 / 10 min'))),
    );
    const root = createRoot(window.document.getElementById('root')!);
    flushSync(() =>
      root.render(createElement(MantineProvider, { theme }, createElement(Fragment, null, agenda, createElement(NotesEditor, { itemKey: itemId, initial: '', saver, label: 'Notes — Point 13' })))),
    );
    const textarea = window.document.querySelector('textarea')!;
    if (!textarea) throw new Error('the notes area did not render');
    const desc = Object.getOwnPropertyDescriptor(window.HTMLTextAreaElement.prototype, 'value')!;
    Object.assign(state, {
      dir,
      child: server.child,
      textarea,
      setValue: (el: HTMLTextAreaElement, v: string) => desc.set!.call(el, v),
      InputEvent: window.Event,
      text: '',
      unmount: () => root.unmount(),
      saver,
    });
    return state;
  },
  // Typing speed of a fast typist (~16 keys/s): debounced saves go out to the other process between keys.
  beforeEach: () => new Promise((r) => setTimeout(r, 60)),
  // One keystroke: the input event, React's state update and commit of the notes component (the autosaver is
  // told synchronously; its save goes out later without blocking). Done when React committed the new value.
  run: async (s, i) => {
    const next = s.text + TEXT[i % TEXT.length];
    s.text = next;
    s.setValue(s.textarea, next);
    s.textarea.dispatchEvent(new s.InputEvent('input', { bubbles: true }));
    const propsKey = Object.keys(s.textarea).find((k) => k.startsWith('__reactProps'))!;
    for (let spins = 0; (s.textarea as unknown as Record<string, { value?: string }>)[propsKey]?.value !== next; spins++) {
      if (spins > 10_000) throw new Error('the notes component never rendered the keystroke');
      await (spins < 50 ? Promise.resolve() : new Promise((r) => setImmediate(r)));
    }
  },
  teardown: async (s) => {
    await s.saver?.flush();
    s.unmount?.();
    await new Promise((r) => setTimeout(r, 200));
    if (s.child?.connected) s.child.disconnect();
    await new Promise((r) => (s.child?.exitCode !== null ? r(null) : s.child.once('exit', r)));
    if (s.saves === 0) throw new Error('no save reached the store while typing');
    rmSync(s.dir, { recursive: true, force: true });
  },
  runs: 200,
  warmup: 10,
  target_ms: 50,
  metric: 'p95',
  budget_ms: 30_000,
});

// ---------- notes.save.10y: a notes save until it is on disk (bounds what a crash can lose) ----------

interface StoreState {
  dir: string;
  store: Store;
  ctx: ServiceContext;
  invoke: Invoke;
  meetingId: string;
  itemId: string;
  pilots: string[];
}

async function openCopy(): Promise<StoreState> {
  const dir = tenYearCopy();
  const store = Store.open(dir, { owner: 'test' });
  const ctx = createContext(store);
  const { meetingId, itemId } = await prepareMeeting(ctx);
  const pilots = ctx.store.data.organisations.slice(0, 20).map((o) => o.id);
  return { dir, store, ctx, invoke: createInvoker(ctx), meetingId, itemId, pilots };
}

async function closeCopy(s: StoreState): Promise<void> {
  await s.store.close();
  rmSync(s.dir, { recursive: true, force: true });
}

void bench<StoreState>('notes.save.10y', {
  setup: openCopy,
  run: async (s, i) => {
    await saveNotes(s.ctx, { meetingId: s.meetingId, agendaItemId: s.itemId, notes: TEXT.repeat(1 + (i % 5)) + i });
  },
  teardown: closeCopy,
  runs: 30,
  warmup: 3,
  target_ms: 100,
});

// ---------- meeting.capture-action.10y ----------

void bench<StoreState>('meeting.capture-action.10y', {
  setup: openCopy,
  // The renderer's capture as it crosses IPC: validation, plan action with its journal entry, decision, durable write.
  run: async (s, i) => {
    const r = await s.invoke('meetings:capture', {
      meetingId: s.meetingId,
      agendaItemId: s.itemId,
      kind: 'action',
      text: `Organiser une présence éducative au centre commercial (${i})`,
      pilotOrganisationId: s.pilots[i % s.pilots.length],
      dueDate: '2027-06-30',
    });
    if (!r.ok) throw new Error(r.error.message);
  },
  teardown: closeCopy,
  runs: 30,
  warmup: 3,
  target_ms: 100,
});
