// Renders every document of the demo council to PNG (tests/artifacts/pdf, git-ignored) for a visual review, and checks each one.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type DocumentKind, type DocumentParams, generateDocument } from '../../src/main/documents';
import { setupDemo } from '../../src/main/services/app';
import { createContext } from '../../src/main/services/context';
import { Store } from '../../src/main/store/store';
import type { Datastore } from '../../src/shared/model';

const OUT = join(process.cwd(), 'tests', 'artifacts', 'pdf');
const dataDir = mkdtempSync(join(tmpdir(), 'clspd-render-'));

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function demo(): Promise<Datastore> {
  const store = Store.open(dataDir, { owner: 'test' });
  try {
    await setupDemo(createContext(store));
    return structuredClone(store.data);
  } finally {
    await store.close();
  }
}

describe('demo documents rendered to PNG', () => {
  it('renders every kind of document of the demo', async () => {
    const data = await demo();
    mkdirSync(OUT, { recursive: true });
    const byStatus = (s: string) => data.meetings.find((m) => m.status === s);
    const plenary = data.meetings.find((m) => data.instances.find((i) => i.id === m.instanceId)?.kind === 'plenary' && m.status === 'validated') ?? byStatus('validated');
    const confidential = data.meetings.find((m) => m.confidentiality === 'confidential' && (m.status === 'validated' || m.status === 'held'));
    const upcoming = byStatus('convened') ?? byStatus('draft') ?? data.meetings[0];
    const action = data.actions.find((a) => a.indicators.some((i) => i.measurements.length > 1)) ?? data.actions[0];
    const year = Number((plenary?.date ?? '2026').slice(0, 4));
    const confidentialIds = new Set(data.instances.filter((i) => i.confidentiality === 'confidential').map((i) => i.id));
    const confidentialAction = data.actions.find((a) => !!a.followingInstanceId && confidentialIds.has(a.followingInstanceId))!;
    const jobs: [string, DocumentKind, DocumentParams][] = [
      ['convocation', 'convocation', { meetingId: upcoming.id }],
      ['convocations-personnalisees', 'convocation', { meetingId: upcoming.id, personalised: true }],
      ['emargement', 'emargement', { meetingId: upcoming.id }],
      ['compte-rendu', 'minutes', { meetingId: plenary!.id }],
      ['releve-de-decisions', 'minutes', { meetingId: confidential!.id }],
      ['plan-d-actions', 'plan', {}],
      ['fiche-action', 'fiche', { actionId: action.id }],
      ['bilan-annuel', 'dashboard', { year: new Date().getFullYear() }],
      ['bilan-annuel-pleniere', 'dashboard', { year }],
      ['liste-des-membres', 'members', {}],
      // The same documents with confidential instances' content included on explicit choice (marked on every page).
      ['plan-d-actions-confidentiel', 'plan', { includeConfidential: true }],
      ['bilan-annuel-confidentiel', 'dashboard', { year: new Date().getFullYear(), includeConfidential: true }],
      ['liste-des-membres-confidentiel', 'members', { includeConfidential: true }],
      ['fiche-action-confidentielle', 'fiche', { actionId: confidentialAction.id }],
    ];
    for (const [name, kind, params] of jobs) {
      const doc = await generateDocument(kind, data, params);
      const file = join(OUT, `${name}.pdf`);
      writeFileSync(file, doc.bytes);
      const q = spawnSync('qpdf', ['--check', file], { encoding: 'utf8' });
      expect(q.status, `${name}: ${q.stdout}`).toBe(0);
      execFileSync('pdftoppm', ['-r', '60', '-png', file, join(OUT, name)]);
      const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
      expect(text).toMatch(name.includes('personnalisees') ? /Page 1 \/ \d+/ : new RegExp(`Page 1 / ${doc.pages}`));
    }
  }, 120_000);
});
