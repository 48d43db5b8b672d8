// Governance PDFs (checked with pdftotext): règlement intérieur, charter with one commitment page per member, yearly bilan; CLI kinds.
import { afterEach, describe, expect, it } from 'vitest';
import { generateDocument } from '../../src/main/documents';
import { quickCell } from '../../src/main/services/instances';
import * as gov from '../../src/main/services/instances/governance';
import { createMeeting, deleteMeetingFinal } from '../../src/main/services/meetings';
import { openFixture, type Fixture } from './meetings-fixture';
import { pdfPages } from './pdf-text';

let f: Fixture;
afterEach(async () => {
  await f?.store.close();
});
const NOW = new Date('2026-11-26T10:15:00Z');

async function cell() {
  f = await openFixture(() => NOW);
  const c = await quickCell(f.ctx, { theme: 'Harcèlement scolaire', personIds: [f.ids.cpe, f.ids.principal, f.ids.ccasDir], startDate: '2026-01-10', charterSignedAt: '2026-01-10' });
  return c.instance;
}

describe('governance documents', () => {
  it('règlement intérieur: the template marked as not adopted, then the saved version with its date', async () => {
    const inst = await cell();
    let doc = await generateDocument('rules', f.store.data, { instanceId: inst.id }, { now: NOW });
    let text = pdfPages(doc.bytes, 'rules-template.pdf').pages.join('\n');
    expect(text).toContain('Règlement intérieur');
    expect(text).toContain('Modèle non encore adopté');
    expect(text).toContain('Article 4 — Échange d’informations');
    expect(text).toContain('article L132-5 du code de la sécurité intérieure');
    expect(text).toContain('Diffusion restreinte');
    await gov.saveRules(f.ctx, inst.id, 'Article 1 — Objet\nLe groupe suit les situations de harcèlement.\n- réunion mensuelle');
    doc = await generateDocument('rules', f.store.data, { instanceId: inst.id }, { now: NOW });
    text = pdfPages(doc.bytes, 'rules-saved.pdf').pages.join('\n');
    expect(text).toContain('Version du jeudi 26 novembre 2026');
    expect(text).not.toContain('Modèle non encore adopté');
    expect(text).toContain('Le groupe suit les situations de harcèlement.');
    await expect(generateDocument('rules', f.store.data, { instanceId: f.ids.plenary }, { now: NOW })).rejects.toThrow(/n’est pas un groupe confidentiel/);
  });

  it('charte déontologique: the charter, then one page per member with the commitments and a signature place', async () => {
    const inst = await cell();
    const doc = await generateDocument('charter', f.store.data, { instanceId: inst.id }, { now: NOW });
    const { pages } = pdfPages(doc.bytes, 'charter.pdf');
    expect(doc.pages).toBe(4);
    expect(pages[0]).toContain('Charte déontologique');
    expect(pages[0]).toContain('signée une seule fois');
    expect(pages[0]).toContain('3 fiches d’engagement individuel suivent');
    for (const p of pages.slice(1)) {
      expect(p).toContain('Engagement individuel');
      expect(p).toContain('Je soussigné(e), membre du groupe');
      expect(p).toContain('Charte signée le samedi 10 janvier 2026.');
      expect(p).toContain('Signature');
      expect(p).toContain('Confidentiel — informations échangées au titre de l’article L132-5 du CSI');
    }
    const names = pages.slice(1).map((p) => p.match(/Nom et prénom (.+?) Fonction/)?.[1]);
    expect(new Set(names).size).toBe(3);
  });

  it('bilan d’application: the year’s figures, the points reviewed, and what was recorded (or lines to fill)', async () => {
    const inst = await cell();
    let doc = await generateDocument('charter_review', f.store.data, { instanceId: inst.id, year: 2026 }, { now: NOW });
    let text = pdfPages(doc.bytes, 'review-empty.pdf').pages.join('\n');
    expect(text).toContain('Bilan d’application de la charte déontologique — 2026');
    expect(text).toMatch(/Membres signataires de la charte 3/);
    expect(text).toContain('Bilan non encore enregistré');
    const { meeting } = await createMeeting(f.ctx, { instanceId: inst.id, title: 'Cellule de novembre', date: '2026-11-20', startTime: '09:00' });
    await gov.saveCharterReview(f.ctx, { instanceId: inst.id, year: 2026, reviewedOn: '2026-11-20', meetingId: meeting.id, summary: 'Aucun incident de confidentialité constaté.' });
    doc = await generateDocument('charter_review', f.store.data, { instanceId: inst.id, year: 2026 }, { now: NOW });
    text = pdfPages(doc.bytes, 'review-recorded.pdf').pages.join('\n');
    expect(text).toContain('Aucun incident de confidentialité constaté.');
    expect(text).toContain('Examiné en réunion : Cellule de novembre');
    await deleteMeetingFinal(f.ctx, meeting.id, true);
    doc = await generateDocument('charter_review', f.store.data, { instanceId: inst.id, year: 2026 }, { now: NOW });
    expect(pdfPages(doc.bytes, 'review-deleted.pdf').pages.join('\n')).toContain('Examiné en réunion (réunion supprimée)');
  });

  it('a CDDF cites CASF L141-1, never L132-5', async () => {
    await cell();
    await f.store.update((d) => {
      const i = d.instances.find((x) => x.kind === 'working_group')!;
      i.kind = 'cddf';
    });
    const id = f.store.data.instances.find((x) => x.kind === 'cddf')!.id;
    const text = pdfPages((await generateDocument('charter', f.store.data, { instanceId: id }, { now: NOW })).bytes, 'cddf.pdf').pages.join('\n');
    expect(text).toContain('L141-1');
    expect(text).not.toContain('L132-5');
  });
});
