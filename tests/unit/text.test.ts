// The one folding rule (shared/text.ts) and the names the directory, sharing and plan filter keep using for it.
import { describe, expect, it } from 'vitest';
import { clipText, foldLoose, foldText, foldWords, personLabel, stripAccents } from '../../src/shared/text';
import { foldText as planFold } from '../../src/shared/strategy-filter';
import { fold as directoryFold } from '../../src/main/services/directory';
import { fold as sharingFold, slug } from '../../src/main/services/sharing/common';
import { safeFileName } from '../../src/main/documents/data';
import { emailLocal } from '../../src/main/services/demo/random';
import { documents } from '../../src/shared/i18n/documents';
import { strategy } from '../../src/shared/i18n/strategy';

describe('text folding', () => {
  it('strips accents and case the same way everywhere', () => {
    expect(stripAccents('Élève à Noël')).toBe('Eleve a Noel');
    expect(foldText('  Éducation  Nationale ')).toBe('  education  nationale ');
    expect(planFold).toBe(foldText);
    expect(foldWords('  Éducation \t Nationale ')).toBe('education nationale');
    expect(sharingFold('  Éducation \t Nationale ')).toBe('education nationale');
    expect(foldLoose('Saint-Denis (Réunion), « Collège »')).toBe('saint denis reunion college ');
    expect(directoryFold('L’Île-Saint-Denis')).toBe('l ile saint denis');
  });
  it('file names and e-mail slugs keep their shape', () => {
    expect(slug('Réunion plénière — 3 mars')).toBe('reunion-pleniere-3-mars');
    expect(safeFileName('Plan d’actions', 'Évry')).toBe('Plan-d-actions-Evry.pdf');
    expect(emailLocal('Anne-Laure', 'Vidal-Pérez')).toBe('anne-laure.vidal-perez');
  });
});

describe('person labels', () => {
  it('one rule for the directory, meetings, instances, documents and shared files', () => {
    expect(personLabel({ civility: 'Mme', firstName: 'Anne', lastName: 'Durand' })).toBe('Mme Anne Durand');
    expect(personLabel({ civility: '', firstName: '', lastName: 'Durand' })).toBe('Durand');
    expect(personLabel({ civility: 'M.', firstName: '', lastName: 'Martin' })).toBe('M. Martin');
    expect(personLabel({ civility: 'Mme', firstName: 'Anne', lastName: 'Durand' }, { civility: false })).toBe('Anne Durand');
  });
});

describe('funder labels', () => {
  it('documents print the same funder labels as the fiche action screen (État, Région included)', () => {
    expect(documents.funders).toBe(strategy.funders);
    expect(documents.funders.etat).toBe('État');
    expect(documents.funders.region).toBe('Région');
  });
});

describe('clipText', () => {
  it('keeps short texts, cuts long ones with « … » and never splits an emoji', () => {
    expect(clipText('Cellule', 300)).toBe('Cellule');
    expect(clipText('abcdef', 4)).toBe('abc…');
    expect(clipText('ab👍cd', 4)).toBe('ab…');
    expect(clipText('a'.repeat(400), 300)).toHaveLength(300);
  });
});
