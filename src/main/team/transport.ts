// HTTP(S) to the team server with the certificate pinned on first use: probing a certificate, then requests that only accept it.
import { createHash, X509Certificate } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import tls, { type PeerCertificate } from 'node:tls';

/** The server certificate remembered on first use: its SHA-256 fingerprint and the certificate itself (PEM). */
export interface Pin {
  fingerprint: string;
  pem: string;
}

export interface HttpAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** Raised when the server presented a certificate other than the pinned one: nothing was sent to it. */
export class PinMismatch extends Error {
  constructor() {
    super('certificate does not match the pinned fingerprint');
    this.name = 'PinMismatch';
  }
}

/** « AB:CD:… », as browsers and `openssl x509 -fingerprint -sha256` show it. */
export function fingerprintOf(der: Buffer): string {
  return createHash('sha256').update(der).digest('hex').toUpperCase().match(/../g)!.join(':');
}

function pemOf(der: Buffer): string {
  return new X509Certificate(der).toString();
}

/** Plain HTTP only to this computer (a local test server); a remote server must be HTTPS. */
export function isLoopback(url: URL): boolean {
  return url.hostname === 'localhost' || url.hostname === '127.0.0.1' || url.hostname === '[::1]';
}

/** TLS handshake only (no HTTP, nothing sent): the certificate the server presents now. */
export function probeCertificate(url: URL, timeoutMs = 10_000): Promise<Pin> {
  return new Promise((resolve, reject) => {
    const socket = tls.connect({
      host: url.hostname.replace(/^\[|\]$/g, ''),
      port: Number(url.port || 443),
      servername: /^[\d.]+$|:/.test(url.hostname) ? undefined : url.hostname,
      rejectUnauthorized: false,
      timeout: timeoutMs,
    });
    socket.once('secureConnect', () => {
      const cert = socket.getPeerCertificate(false) as PeerCertificate | undefined;
      socket.end();
      if (!cert?.raw) return reject(new Error('no certificate'));
      resolve({ fingerprint: fingerprintOf(cert.raw), pem: pemOf(cert.raw) });
    });
    socket.once('timeout', () => socket.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })));
    socket.once('error', reject);
  });
}

/**
 * An agent that trusts exactly the pinned certificate: the certificate is added to the trusted roots (so a self-signed
 * one verifies) and the identity check compares fingerprints instead of host names. Any other certificate fails the
 * TLS handshake before the request (and its token) is written.
 */
export function pinnedAgent(pin: Pin): https.Agent {
  return new https.Agent({
    keepAlive: true,
    maxSockets: 6,
    ca: [...tls.rootCertificates, pin.pem],
    checkServerIdentity: (_host, cert) => (cert.raw && fingerprintOf(cert.raw) === pin.fingerprint ? undefined : new PinMismatch()),
  });
}

const plainAgent = new http.Agent({ keepAlive: true, maxSockets: 6 });

/** One request; rejects on network or TLS failures (the caller decides what « offline » means). */
export function send(
  base: URL,
  agent: https.Agent | undefined,
  method: 'GET' | 'POST' | 'DELETE',
  path: string,
  headers: Record<string, string>,
  body: string | undefined,
  timeoutMs: number,
): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const secure = base.protocol === 'https:';
    const options: https.RequestOptions = {
      host: base.hostname.replace(/^\[|\]$/g, ''),
      port: Number(base.port || (secure ? 443 : 80)),
      path,
      method,
      headers: { ...headers, ...(body !== undefined ? { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) } : {}) },
      agent: secure ? agent : plainAgent,
      timeout: timeoutMs,
    };
    const req = (secure ? https : http).request(options, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })));
    req.on('error', reject);
    req.end(body);
  });
}

/** A TLS refusal of the presented certificate (as opposed to a server that cannot be reached). */
export function isCertificateError(e: unknown): boolean {
  if (e instanceof PinMismatch) return true;
  const code = (e as { code?: string } | undefined)?.code ?? '';
  return /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS_CERT|UNABLE_TO_GET_ISSUER/.test(code);
}
