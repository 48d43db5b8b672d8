// The desktop's link to the team server: one HTTP(S) request with the certificate pinned for that server; a failure
// (unreachable, other certificate) is reported to the client, which moves its state, and thrown as Unreachable.
import type https from 'node:https';
import type { TeamConfig } from './config';
import { isCertificateError, pinnedAgent, send, type HttpAnswer } from './transport';

/** The server could not be reached (message: 'certificate' or the network error's code). */
export class Unreachable extends Error {}

export type Method = 'GET' | 'POST' | 'DELETE';

export class ServerLink {
  private agentFor?: { fingerprint: string; agent: https.Agent };

  constructor(
    private readonly pins: () => TeamConfig['pins'],
    private readonly onFailure: (server: string, certificate: boolean) => void,
    private readonly timeoutMs: number,
  ) {}

  /** One request with the pinned certificate; failures are reported and throw Unreachable. */
  async request(server: string, method: Method, path: string, body: string | undefined, token?: string, headers: Record<string, string> = {}): Promise<HttpAnswer> {
    const base = new URL(server);
    try {
      return await send(base, this.agent(base), method, path, { ...headers, ...(token ? { authorization: `Bearer ${token}` } : {}) }, body, this.timeoutMs);
    } catch (e) {
      this.onFailure(server, isCertificateError(e));
      throw new Unreachable(isCertificateError(e) ? 'certificate' : String((e as { code?: string }).code ?? (e as Error).message));
    }
  }

  private agent(base: URL): https.Agent | undefined {
    if (base.protocol !== 'https:') return undefined;
    const pin = this.pins()[base.origin];
    if (!pin) throw Object.assign(new Error('no pinned certificate'), { code: 'CERT_NOT_PINNED' });
    if (this.agentFor?.fingerprint !== pin.fingerprint) {
      this.agentFor?.agent.destroy();
      this.agentFor = { fingerprint: pin.fingerprint, agent: pinnedAgent(pin) };
    }
    return this.agentFor.agent;
  }
}
