// An action decided in a confidential meeting of a non-confidential instance stays confidential in every share and document.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { renderPlan } from '../../src/main/documents/plan';
import { setupDemo } from '../../src/main/services/app';
import { createContext } from '../../src/main/services/context';
import { capture } from '../../src/main/services/meetings/live';
import { exportTable } from '../../src/main/services/sharing/index';
import { Store } from '../../src/main/store/store';

let dir = '';
let store: Store | undefined;
afterEach(async () => {
  await store?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('capture in a confidential meeting', () => {
  it('marks the new action confidential: left out of the CSV and the plan unless explicitly included', async () => {
    dir = mkdtempSync(join(tmpdir(), 'clspd-capconf-'));
    store = Store.open(dir, { owner: 'test' });
    const ctx = createContext(store);
    await setupDemo(ctx);
    const restricted = store.data.instances.find((i) => i.confidentiality === 'restricted')!;
    const meeting = store.data.meetings.find((m) => m.instanceId === restricted.id && m.status !== 'validated')!;
    // The coordinator raised this one meeting to confidential (allowed: raised, never lowered).
    await store.update((d) => {
      const m = d.meetings.find((x) => x.id === meeting.id)!;
      m.confidentiality = 'confidential';
      m.status = 'in_progress';
    });
    const secret = 'Orienter la famille Z vers le dispositif XQ-SECRET';
    const r = await capture(ctx, { meetingId: meeting.id, kind: 'action', text: secret });
    expect(r.action?.confidentiality).toBe('confidential');

    const csv = await exportTable(ctx, 'actions', 'csv', { includeConfidential: false });
    expect(csv.data.toString('utf8')).not.toContain('XQ-SECRET');
    const csvIncluded = await exportTable(ctx, 'actions', 'csv', { includeConfidential: true });
    expect(csvIncluded.data.toString('utf8')).toContain('XQ-SECRET');
    expect(csvIncluded.confidential).toBe(true);

    const text = async (includeConfidential: boolean) => {
      const plan = await renderPlan(store!.data, { includeConfidential });
      const file = join(dir, `plan-${includeConfidential}.pdf`);
      writeFileSync(file, plan.bytes);
      return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    };
    expect(await text(false)).not.toContain('XQ-SECRET');
    const included = await text(true);
    expect(included).toContain('XQ-SECRET');
    expect(included).toContain('Confidentiel');
  });
});
