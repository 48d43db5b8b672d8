// Governance of the confidential groups: versioned règlement intérieur, yearly charter reviews (one per year), refusals that change nothing.
import { afterEach, describe, expect, it } from 'vitest';
import { createInvoker } from '../../src/main/ipc/handlers';
import { createInstance, quickCell } from '../../src/main/services/instances';
import * as gov from '../../src/main/services/instances/governance';
import { createMeeting } from '../../src/main/services/meetings';
import { charterReviewDue, currentRules, rulesBlocks, rulesText } from '../../src/shared/governance';
import { openFixture, type Fixture } from './meetings-fixture';

let f: Fixture;
afterEach(async () => {
  await f?.store.close();
});

describe('règlement intérieur', () => {
  it('starts from the French template of the group, keeps every saved version with its date', async () => {
    let clock = new Date('2026-02-01T09:00:00.000Z');
    f = await openFixture(() => clock);
    const cell = (await quickCell(f.ctx, { theme: 'Harcèlement scolaire', personIds: [f.ids.cpe] })).instance;
    const template = rulesText(f.store.data.settings, cell);
    expect(template.version).toBeUndefined();
    expect(template.text).toContain('article L132-5 du code de la sécurité intérieure');
    expect(template.text).toContain(cell.name);
    expect(rulesBlocks(template.text).filter((b) => b.kind === 'heading')[0]).toEqual({ kind: 'heading', text: 'Article 1 — Objet' });

    await gov.saveRules(f.ctx, cell.id, template.text);
    clock = new Date('2026-05-12T09:00:00.000Z');
    await gov.saveRules(f.ctx, cell.id, `${template.text}\n\nArticle 9 — Révision\nLe règlement est revu chaque année.`);
    const saved = f.store.data.instances.find((i) => i.id === cell.id)!;
    expect(saved.rulesVersions?.map((v) => v.savedAt)).toEqual(['2026-02-01T09:00:00.000Z', '2026-05-12T09:00:00.000Z']);
    expect(currentRules(saved)?.text).toContain('Article 9 — Révision');

    // the same text again, an empty text, or a plenary: refused, nothing written
    const before = JSON.stringify(f.store.data);
    await expect(gov.saveRules(f.ctx, cell.id, currentRules(saved)!.text)).rejects.toThrow(/identique à la version en vigueur/);
    await expect(gov.saveRules(f.ctx, cell.id, '   ')).rejects.toThrow(/texte du règlement est vide/);
    await expect(gov.saveRules(f.ctx, f.ids.plenary, 'Article 1 — Objet')).rejects.toThrow(/n’est pas un groupe confidentiel/);
    expect(JSON.stringify(f.store.data)).toBe(before);
  });

  it('cites CASF L141-1 for a confidential CDDF', async () => {
    f = await openFixture();
    const cddf = await createInstanceOfKind('cddf');
    expect(rulesText(f.store.data.settings, cddf).text).toContain('L141-1');
    expect(rulesText(f.store.data.settings, cddf).text).not.toContain('L132-5');
  });
});

async function createInstanceOfKind(kind: 'cddf' | 'working_group') {
  return createInstance(f.ctx, { name: 'CDDF de Valmont', kind, confidentiality: 'confidential' });
}

describe('bilan d’application de la charte', () => {
  it('records one review per year, links it to a meeting of the group, and can be undone after deletion', async () => {
    f = await openFixture(() => new Date('2026-11-01T09:00:00.000Z'));
    const cell = (await quickCell(f.ctx, { theme: 'VIF', personIds: [f.ids.cpe] })).instance;
    const { meeting } = await createMeeting(f.ctx, { instanceId: cell.id, title: 'Cellule VIF', date: '2026-10-15', startTime: '09:00' });
    const { meeting: other } = await createMeeting(f.ctx, { instanceId: f.ids.restricted, title: 'Copil', date: '2026-10-16', startTime: '09:00' });
    const invoke = createInvoker(f.ctx);
    const bad = await invoke('instances:saveCharterReview', { instanceId: cell.id, year: 2026, reviewedOn: '2026-10-15', meetingId: other.id, summary: 'x' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.field).toBe('meetingId');
    await gov.saveCharterReview(f.ctx, { instanceId: cell.id, year: 2026, reviewedOn: '2026-10-15', meetingId: meeting.id, summary: 'Premier bilan.' });
    await gov.saveCharterReview(f.ctx, { instanceId: cell.id, year: 2026, reviewedOn: '2026-10-20', summary: 'Bilan corrigé.' });
    const reviews = f.store.data.instances.find((i) => i.id === cell.id)!.charterReviews!;
    expect(reviews.map((r) => [r.year, r.summary])).toEqual([[2026, 'Bilan corrigé.']]);
    expect(charterReviewDue(f.store.data.instances.find((i) => i.id === cell.id)!)).toBe('2027-10-20');

    const del = await gov.deleteCharterReview(f.ctx, cell.id, reviews[0].id);
    expect(f.store.data.instances.find((i) => i.id === cell.id)!.charterReviews).toEqual([]);
    expect((await invoke('undo:restore', { undoToken: del.undoToken })).ok).toBe(true);
    expect(f.store.data.instances.find((i) => i.id === cell.id)!.charterReviews!.map((r) => r.summary)).toEqual(['Bilan corrigé.']);
  });
});
