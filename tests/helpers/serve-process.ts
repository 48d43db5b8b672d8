// A team server process for the kill, load and desktop-client tests: `tsx tests/helpers/serve-process.ts URL PORT [CERT KEY]`; prints « READY » when listening.
import { startTeamServer } from '../../src/main/server/run';

const [url, port, tlsCert, tlsKey] = process.argv.slice(2);
startTeamServer({ url: url!, host: '127.0.0.1', port: Number(port), tlsCert, tlsKey }).then(
  (s) => {
    process.stdout.write(`READY ${s.address}\n`);
    process.on('SIGTERM', () => void s.stop().then(() => process.exit(0)));
  },
  (e: unknown) => {
    process.stderr.write(`${String(e)}\n`);
    process.exit(1);
  },
);
