// Entry point of the `clspd` command line, over the same services as the app.
import { commands } from './cli/index';
import { runCli } from './cli/framework';

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
