// Test helpers for several team server processes on one database: start, log in, call channels, kill.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

export interface ServerProcess {
  port: number;
  child: ChildProcess;
  kill(signal?: NodeJS.Signals): void;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const a = srv.address();
      const port = typeof a === 'object' && a ? a.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

const root = join(__dirname, '..', '..');

/** `port` to restart a server where it was; `tls` to serve HTTPS with that certificate. */
export async function spawnServer(databaseUrl: string, options: { port?: number; tls?: { cert: string; key: string } } = {}): Promise<ServerProcess> {
  const port = options.port ?? (await freePort());
  const tlsArgs = options.tls ? [options.tls.cert, options.tls.key] : [];
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'tests', 'helpers', 'serve-process.ts'), databaseUrl, String(port), ...tlsArgs], {
    cwd: root,
    env: { ...process.env, CLSPD_TEST_FAST_KDF: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serveur non démarré : ${err}`)), 100_000);
    child.stdout!.on('data', (d: Buffer) => {
      if (d.toString().includes('READY')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serveur arrêté (${code}) : ${err}`));
    });
  });
  return { port, child, kill: (signal = 'SIGKILL') => child.kill(signal) };
}

export async function loginHttp(port: number, email: string, password: string): Promise<string> {
  const r = await fetch(`http://127.0.0.1:${port}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!r.ok) throw new Error(`connexion refusée : ${r.status} ${await r.text()}`);
  return ((await r.json()) as { token: string }).token;
}

export async function callHttp(port: number, token: string, channel: string, payload?: unknown): Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }> {
  const [domain, verb] = channel.split(':');
  const r = await fetch(`http://127.0.0.1:${port}/api/${domain}/${verb}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: payload === undefined ? '' : JSON.stringify(payload),
  });
  return (await r.json()) as { ok: boolean; value?: unknown; error?: { code: string; message: string } };
}

/** The save and open dialogs of a test desktop: files are « saved » under `dir` (their paths pushed to `saved`), `openFrom` is « chosen ». */
export function testDialogs(dir: string, saved: string[], openFrom?: string) {
  return {
    chooseSavePath: async (name: string) => {
      const p = join(dir, `saved-${name}`);
      saved.push(p);
      return p;
    },
    chooseOpenPath: async () => openFrom,
  };
}

/** Runs `clspd serve …` (`args`: how to launch the command line, then its arguments) until it says it is in service. */
export async function startClspdServe(args: string[], env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; output: string }> {
  const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`clspd serve n’a pas démarré : ${output}`)), 100_000);
    const seen = (d: Buffer) => {
      output += d.toString();
      if (output.includes('en service')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', seen);
    child.stderr!.on('data', seen);
    child.once('exit', (code) => reject(new Error(`clspd serve arrêté (${code}) : ${output}`)));
  });
  return { child, output };
}
