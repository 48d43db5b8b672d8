// Preload (src/preload/index.ts): exposes only `window.api`, one function per channel, never ipcRenderer; bundle is sandbox-ready.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

const exposed = vi.hoisted(() => new Map<string, unknown>());
const invoke = vi.hoisted(() => vi.fn());

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: vi.fn((key: string, value: unknown) => exposed.set(key, value)) },
  ipcRenderer: { invoke, send: vi.fn(), on: vi.fn(), sendSync: vi.fn() },
}));

import { channelNames } from '../../../src/shared/contract';
import '../../../src/preload/index';

type Api = Record<string, Record<string, (input?: unknown) => Promise<unknown>>>;

describe('preload', () => {
  it('exposes exactly one global, `api`', () => {
    expect([...exposed.keys()]).toEqual(['api']);
  });

  it('has one function per contract channel and nothing else', () => {
    const api = exposed.get('api') as Api;
    const listed = Object.entries(api).flatMap(([domain, verbs]) => Object.keys(verbs).map((verb) => `${domain}:${verb}`));
    expect(listed.sort()).toEqual([...channelNames].sort());
    for (const verbs of Object.values(api)) for (const fn of Object.values(verbs)) expect(typeof fn).toBe('function');
  });

  it('never hands out ipcRenderer or its methods', () => {
    const api = exposed.get('api') as Api;
    const seen = new Set<unknown>();
    const walk = (v: unknown) => {
      if (v === null || (typeof v !== 'object' && typeof v !== 'function') || seen.has(v)) return;
      seen.add(v);
      if (typeof v === 'object') for (const x of Object.values(v as object)) walk(x);
    };
    walk(api);
    expect(JSON.stringify(Object.keys(api))).not.toMatch(/ipc|invoke|send/i);
    for (const v of seen) expect(v).not.toBe(invoke);
  });

  it('forwards a call to ipcRenderer.invoke on its channel and returns only the result', async () => {
    invoke.mockResolvedValueOnce({ ok: true, value: { status: 'empty', dataDir: '/d' } });
    const api = exposed.get('api') as Api;
    await expect(api.app.state()).resolves.toEqual({ ok: true, value: { status: 'empty', dataDir: '/d' } });
    expect(invoke).toHaveBeenCalledWith('app:state', undefined);
    invoke.mockResolvedValueOnce({ ok: false, error: { code: 'invalid_input', message: 'x' } });
    await api.partners.create({ name: 'Mairie' });
    expect(invoke).toHaveBeenLastCalledWith('partners:create', { name: 'Mairie' });
  });

  it('built bundle is CommonJS and requires nothing but electron (sandboxed preload)', () => {
    const bundle = join(process.cwd(), 'out/preload/index.cjs');
    if (!existsSync(bundle)) return; // built by `npm run build`; checked whenever present
    const code = readFileSync(bundle, 'utf8');
    const required = [...code.matchAll(/require\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]);
    expect(new Set(required)).toEqual(new Set(['electron']));
    expect(code).not.toMatch(/^\s*(import|export)\s/m);
    expect(code).toContain('exposeInMainWorld');
  });
});
