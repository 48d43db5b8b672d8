// Sharing wording: real singular and plural forms, file names without their folder, no file-format jargon on buttons.
import { describe, expect, it } from 'vitest';
import { sharing } from '../../src/shared/i18n/sharing';

describe('sharing wording', () => {
  it('chooses the singular or the plural', () => {
    expect(sharing.ui.rows(1)).toBe('1 ligne');
    expect(sharing.ui.rows(0)).toBe('0 ligne');
    expect(sharing.ui.rows(12)).toBe('12 lignes');
    expect(sharing.ui.packActions(1)).toBe('1 action');
    expect(sharing.ui.confidentialLeftOut(1)).toBe('1 ligne confidentielle laissée de côté.');
    expect(sharing.ui.confidentialLeftOut(3)).toBe('3 lignes confidentielles laissées de côté.');
    expect(sharing.dialog.applied(1)).toBe('1 ligne importée.');
    expect(sharing.dialog.applied(4)).toBe('4 lignes importées.');
    expect(sharing.import.hasErrors(1)).toMatch(/^1 ligne contient des erreurs/);
    expect(sharing.import.hasErrors(2)).toMatch(/^2 lignes contiennent des erreurs/);
    expect(sharing.ui.summary({ total: 3, create: 2, merge: 0, update: 1, unchanged: 0, invalid: 0 })).toBe(
      '3 lignes : 2 créations, 1 mise à jour, 0 inchangée, 0 en erreur.',
    );
    expect(sharing.ui.moreLines(1)).toBe('… et 1 autre ligne, importée de la même façon (elle reste retenue).');
  });

  it('never shows a folder path nor a file-format abbreviation to the coordinator', () => {
    expect(sharing.dialog.saved('/home/marie/Documents/CLSPD/plan-actions.xlsx')).toBe('Fichier enregistré : « plan-actions.xlsx ».');
    expect(sharing.dialog.saved('C:\\Users\\marie\\Bureau\\plan.csv')).toBe('Fichier enregistré : « plan.csv ».');
    const all = JSON.stringify(sharing);
    expect(all).not.toMatch(/\(s\)|\(\.ics\)|\(\.docx\)|UTF-8/);
  });
});
