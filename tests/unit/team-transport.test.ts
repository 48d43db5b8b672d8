// Certificate pinning of the desktop's team client: fingerprints as openssl shows them, and an identity check that only accepts the pinned certificate.
import { createHash } from 'node:crypto';
import type { PeerCertificate } from 'node:tls';
import { describe, expect, it } from 'vitest';
import { fingerprintOf, isCertificateError, PinMismatch, pinnedAgent } from '../../src/main/team/transport';

describe('team transport pinning', () => {
  it('formats SHA-256 fingerprints as AB:CD:…', () => {
    const der = Buffer.from('un certificat');
    const hex = createHash('sha256').update(der).digest('hex').toUpperCase();
    expect(fingerprintOf(der)).toBe(hex.match(/../g)!.join(':'));
  });

  it('accepts the pinned certificate whatever the host name, and refuses any other one (even one a public authority signed)', () => {
    const pinned = Buffer.from('certificat mémorisé');
    const agent = pinnedAgent({ fingerprint: fingerprintOf(pinned), pem: '-----BEGIN CERTIFICATE-----\nAA==\n-----END CERTIFICATE-----\n' });
    const check = (agent.options as { checkServerIdentity: (host: string, cert: PeerCertificate) => Error | undefined }).checkServerIdentity;
    expect(check('192.168.1.10', { raw: pinned } as PeerCertificate)).toBeUndefined();
    const other = check('clspd.mairie.fr', { raw: Buffer.from('autre certificat') } as PeerCertificate);
    expect(other).toBeInstanceOf(PinMismatch);
    expect(isCertificateError(other)).toBe(true);
    expect(isCertificateError(Object.assign(new Error('x'), { code: 'DEPTH_ZERO_SELF_SIGNED_CERT' }))).toBe(true);
    expect(isCertificateError(Object.assign(new Error('x'), { code: 'ECONNREFUSED' }))).toBe(false);
    agent.destroy();
  });
});
