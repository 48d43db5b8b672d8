// IPC registration of the shell (src/main/app/ipc.ts): one handler per channel, sender check, French results over a real store.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({}));

import { createChannelHandler, FORBIDDEN_SENDER, registerIpc } from '../../../src/main/app/ipc';
import { createInvoker, type Invoke } from '../../../src/main/ipc/handlers';
import { createContext } from '../../../src/main/services/context';
import { Store } from '../../../src/main/store/store';
import { channelNames, type ChannelName } from '../../../src/shared/contract';
import { fr } from '../../../src/shared/i18n';
import type { Result } from '../../../src/shared/result';

type Frame = { url: string; parent: Frame | null } | null;
type Handler = (event: { senderFrame: Frame }, payload: unknown) => Promise<Result<unknown>>;

const mainFrame: Frame = { url: 'app://clspd/index.html', parent: null };

let dir: string;
let store: Store;
let handlers: Map<string, Handler>;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'clspd-'));
  store = Store.open(dir, { owner: 'test' });
  handlers = new Map();
  const ipcMain = { handle: vi.fn((channel: string, fn: Handler) => handlers.set(channel, fn)) };
  registerIpc(ipcMain as never, createInvoker(createContext(store), undefined, () => undefined));
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const call = (channel: ChannelName, payload: unknown, frame: Frame = mainFrame) => handlers.get(channel)!({ senderFrame: frame }, payload);

describe('registration', () => {
  it('registers exactly one handler per contract channel', () => {
    const ipcMain = { handle: vi.fn() };
    const registered = registerIpc(ipcMain as never, vi.fn());
    expect(registered).toEqual(channelNames);
    expect(ipcMain.handle).toHaveBeenCalledTimes(channelNames.length);
    const names = ipcMain.handle.mock.calls.map((c) => c[0] as string);
    expect(new Set(names).size).toBe(names.length);
    expect(names.every((n) => /^[a-z]+:[a-zA-Z]+$/.test(n))).toBe(true);
  });
});

describe('sender check', () => {
  it('answers the app’s own main frame (round trip through the real handler table)', async () => {
    const r = await call('app:state', undefined);
    expect(r).toEqual({ ok: true, value: expect.objectContaining({ status: 'empty', dataDir: dir }) });
  });

  it('refuses a foreign origin with a French forbidden error, without reaching the invoker', async () => {
    const invoke = vi.fn<Invoke>();
    const h = createChannelHandler('app:state', invoke);
    for (const url of ['https://evil.example/', 'http://localhost:5173/', 'file:///tmp/index.html', 'app://other/index.html', 'about:blank', '']) {
      const r = await h({ senderFrame: { url, parent: null } as never }, undefined);
      expect(r, url).toEqual({ ok: false, error: { code: 'forbidden', message: fr.errors.forbiddenSender } });
    }
    expect(invoke).not.toHaveBeenCalled();
    expect(FORBIDDEN_SENDER.ok).toBe(false);
  });

  it('refuses a subframe, even one on app://clspd, and a missing frame', async () => {
    const sub = await call('app:state', undefined, { url: 'app://clspd/index.html', parent: mainFrame });
    expect(sub).toEqual({ ok: false, error: { code: 'forbidden', message: fr.errors.forbiddenSender } });
    const none = await call('app:state', undefined, null);
    expect(none.ok).toBe(false);
  });

  it('refuses a forbidden sender before touching the data', async () => {
    const r = await call('app:setup', { communeName: 'Villeneuve' }, { url: 'https://evil.example/', parent: null });
    expect(r.ok).toBe(false);
    expect(await call('app:state', undefined)).toMatchObject({ ok: true, value: { status: 'empty' } });
  });
});

describe('payloads', () => {
  it('returns a French validation error for a bad payload, never throws', async () => {
    await call('app:demo', undefined);
    for (const payload of [undefined, null, 42, 'x', [], { name: '' }, { name: 'x'.repeat(10_000), categoryId: 'c' }]) {
      const r = await call('partners:create', payload);
      expect(r.ok, JSON.stringify(payload)?.slice(0, 40)).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('invalid_input');
        expect(r.error.message).toMatch(/[a-zàâçéèêëîïôûùüÿœ]/i);
        expect(r.error.message).not.toMatch(/\b(expected|received|invalid input|required)\b/i);
      }
    }
    const r = await call('partners:create', { name: '', categoryId: 'x' });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('Indiquez le nom de la structure.') } });
  });

  it('turns a service failure into a French result (data missing in an empty folder)', async () => {
    const r = await call('partners:list', {});
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/créez votre CLSPD|données/);
  });

  it('never lets an exception cross IPC, even from a faulty invoker', async () => {
    const h = createChannelHandler('app:state', () => Promise.reject(new Error('boom')), () => undefined);
    expect(await h({ senderFrame: mainFrame as never }, undefined)).toEqual({ ok: false, error: { code: 'internal', message: fr.errors.internal } });
  });
});
