// Entry point of the `clspd` command line, over the same services as the app.
import { commands } from './cli/index';
import { runCli } from './cli/framework';

// A reader that stops early (`clspd list … | head`) is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}

runCli(process.argv.slice(2), commands, {
  out: (l) => process.stdout.write(`${l}\n`),
  err: (l) => process.stderr.write(`${l}\n`),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`Erreur inattendue : ${String(e)}\n`);
    process.exitCode = 1;
  },
);
