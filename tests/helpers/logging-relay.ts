// A relay between a team desktop and its server for tests: logs every request body sent, and can refuse chosen ones.
import http from 'node:http';

/** An HTTP relay to the server that can refuse chosen requests (`refuse(path, nth call of that path)`), as a server refusal. */
export async function refusingProxy(target: number) {
  const counts = new Map<string, number>();
  const state = {
    port: 0,
    refuse: (_path: string, _n: number) => false,
    /** Every request relayed to the server (refused ones are not), with its body. */
    log: [] as { path: string; body: string }[],
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = (req.url ?? '').split('?')[0]!;
      const n = (counts.get(path) ?? 0) + 1;
      counts.set(path, n);
      if (state.refuse(path, n)) {
        res.writeHead(409, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ ok: false, error: { code: 'conflict', message: 'Refus injecté par le test.' } }));
        return;
      }
      if (req.method === 'POST') state.log.push({ path, body: Buffer.concat(chunks).toString('utf8') });
      const out = http.request({ host: '127.0.0.1', port: target, path: req.url, method: req.method, headers: req.headers }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      out.on('error', () => res.destroy());
      out.end(Buffer.concat(chunks));
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', () => done()));
  state.port = (server.address() as { port: number }).port;
  return state;
}
