// `npm start`: builds the app when out/ is missing or older than the sources, then launches Electron on it.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const projectDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Build outputs the app needs to start. */
export const OUTPUTS = ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html'];
/** Inputs whose change calls for a rebuild besides src/. */
const CONFIG_INPUTS = ['electron.vite.config.ts', 'package.json', 'tsconfig.json'];

function newestMtime(path) {
  let st;
  try {
    st = statSync(path);
  } catch {
    return 0;
  }
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const name of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, name)));
  return newest;
}

/** True when an output is missing or older than any file of src/ or the build configuration. */
export function needsBuild(dir = projectDir) {
  let oldestOutput = Infinity;
  for (const rel of OUTPUTS) {
    const file = join(dir, rel);
    if (!existsSync(file)) return true;
    oldestOutput = Math.min(oldestOutput, statSync(file).mtimeMs);
  }
  const newestInput = Math.max(newestMtime(join(dir, 'src')), ...CONFIG_INPUTS.map((rel) => newestMtime(join(dir, rel))));
  return newestInput > oldestOutput;
}

/** The Electron executable, downloaded on first use by the electron package; null when it cannot be had here. */
export function electronBinary(dir = projectDir) {
  try {
    const path = createRequire(join(dir, 'package.json'))('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

function main() {
  const args = process.argv.slice(2);
  if (needsBuild()) {
    console.log('Construction de l’application (electron-vite build)…');
    const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
    const r = spawnSync(npx, ['electron-vite', 'build'], { cwd: projectDir, stdio: 'inherit', shell: process.platform === 'win32' });
    if (r.status !== 0) {
      console.error('La construction a échoué : corrigez les erreurs ci-dessus puis relancez « npm start ».');
      process.exit(r.status ?? 1);
    }
  }
  const binary = electronBinary();
  if (!binary) {
    console.error(
      [
        '',
        'Impossible de lancer l’application : le programme Electron est absent de cette machine.',
        'Il est téléchargé automatiquement au premier « npm start », depuis les serveurs d’Electron (hors du registre npm).',
        'Lancez « npm start » sur un ordinateur qui a accès à Internet, ou indiquez un Electron déjà installé avec',
        'la variable ELECTRON_OVERRIDE_DIST_PATH (dossier contenant l’exécutable electron).',
        'Les tests (« npm test ») et la ligne de commande (« npm run cli ») fonctionnent sans Electron.',
      ].join('\n'),
    );
    process.exit(1);
  }
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(binary, [projectDir, ...args], { cwd: projectDir, stdio: 'inherit', env });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
