// The directory catalogue: real French plurals and the words the E2E selectors rely on.
import { describe, expect, it } from 'vitest';
import { fr } from '../../src/shared/i18n';

describe('directory catalogue', () => {
  it('writes real plurals', () => {
    expect(fr.directory.partners.count(0)).toBe('0 structure');
    expect(fr.directory.partners.count(1)).toBe('1 structure');
    expect(fr.directory.partners.count(27)).toBe('27 structures');
    expect(fr.directory.partner.attendanceInvited(1)).toBe('1 invitation');
    expect(fr.directory.partner.attendanceInvited(15)).toBe('15 invitations');
  });
  it('keeps the texts the screens are found by', () => {
    expect(fr.directory.settings.chooseLogo).toBe('Choisir un fichier…');
    expect(fr.directory.setup.openDemo).toBe('Ouvrir la démonstration');
    expect(fr.errors.invalidEmail).toBe('L’adresse électronique n’est pas valide. Exemple : prenom.nom@ville.fr');
    expect(fr.directory.settings.backupDate('jeudi 26 novembre 2026', '13 h 02')).toBe('jeudi 26 novembre 2026 à 13 h 02');
  });
});
