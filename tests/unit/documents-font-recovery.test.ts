// Shared fonts poisoned by an earlier failure inside fontkit: later PDFs recover on freshly parsed faces instead of failing until restart.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DOCUMENT_KINDS, fontParseCount, generateDocument, loadFonts } from '../../src/main/documents';
import { setupDemo } from '../../src/main/services/app';
import { createContext } from '../../src/main/services/context';
import { Store } from '../../src/main/store/store';
import type { Datastore } from '../../src/shared/model';

const dir = mkdtempSync(join(tmpdir(), 'clspd-fontrec-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function demo(): Promise<Datastore> {
  const store = Store.open(dir, { owner: 'test' });
  try {
    await setupDemo(createContext(store));
    return structuredClone(store.data);
  } finally {
    await store.close();
  }
}

describe('PDF generation after the shared fonts were left broken', () => {
  it('every document kind still generates: the broken faces are dropped and parsed again once', async () => {
    const data = await demo();
    const meeting = data.meetings.find((m) => m.decisions.length)!;
    const group = data.instances.find((i) => i.kind === 'cddf' || (i.kind === 'working_group' && i.confidentiality === 'confidential'))!;
    const params = { meetingId: meeting.id, actionId: data.actions[0]!.id, instanceId: group.id };
    const now = new Date('2026-11-16T08:30:00Z');
    await generateDocument('convocation', data, params, { now });
    // What the fuzzer saw after some generation failed inside fontkit: the shared, lazily decoded faces throw from
    // inside for every later document (« type.decode is not a function »). Simulated on the cached faces.
    const broken = loadFonts().faces;
    for (const face of Object.values(broken)) {
      (face as unknown as { layout: () => never }).layout = () => {
        throw new TypeError('type.decode is not a function');
      };
    }
    const parsed = fontParseCount();
    for (const kind of DOCUMENT_KINDS) {
      const doc = await generateDocument(kind, data, params, { now });
      expect(doc.bytes.subarray(0, 5).toString(), kind).toBe('%PDF-');
    }
    // Parsed again exactly once (one set of four faces), then reused by the following documents.
    expect(fontParseCount() - parsed).toBe(4);
    expect(loadFonts().faces.regular).not.toBe(broken.regular);
  }, 120_000);

  it('a French refusal keeps the parsed faces (nothing to recover)', async () => {
    const store = Store.open(dir, { owner: 'test' });
    const data = structuredClone(store.data);
    await store.close();
    const plenary = data.instances.find((i) => i.kind === 'plenary')!;
    const faces = loadFonts().faces;
    const parsed = fontParseCount();
    // A plenary has no règlement intérieur d'échange d'informations: refused in French.
    await expect(generateDocument('rules', data, { instanceId: plenary.id })).rejects.toMatchObject({ name: 'DomainError' });
    expect(fontParseCount()).toBe(parsed);
    expect(loadFonts().faces).toBe(faces);
  });
});
