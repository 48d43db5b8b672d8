// Unit tests of the check run on decision texts of confidential meetings: first names, civility + name, phones, e-mails.
import { describe, expect, it } from 'vitest';
import { findPersonalMentions, looksAnonymous } from '../../src/shared/names-check';

const kinds = (t: string) => findPersonalMentions(t).map((m) => m.kind);

describe('personal mentions in a decision text', () => {
  it('accepts texts that cite a reference and institutions only', () => {
    expect(looksAnonymous('Situation n° 2026-014 : orientation vers le PRE, point en mars avec la CAF.')).toBe(true);
    expect(looksAnonymous('Rencontre avec la famille organisée par l’ASE ; Rose des vents reste le lieu d’accueil.')).toBe(true);
    expect(looksAnonymous('Mme la principale et M. le commissaire conviennent d’un point en avril.')).toBe(true);
  });

  it('finds a capitalised first name, accented or compound, anywhere in the sentence', () => {
    expect(kinds('Kevin sera reçu par la PJJ.')).toEqual(['first_name']);
    expect(kinds('Orientation de Chloé vers la mission locale')).toEqual(['first_name']);
    expect(kinds('Le frère, Jean-Marc, est suivi par le SPIP')).toEqual(['first_name']);
    // lower-case words are not names (« marc de café »)
    expect(kinds('le marc et la pierre')).toEqual([]);
    // a school named after someone is flagged too: a warning asks to check, it never blocks
    expect(looksAnonymous('Point en mars avec le collège Jean Moulin')).toBe(false);
  });

  it('finds a civility followed by a name, a phone number and an e-mail address', () => {
    expect(kinds('Rendez-vous avec Mme Durand la semaine prochaine')).toEqual(['civility_name']);
    expect(kinds('Joindre la mère au 06 12 34 56 78')).toEqual(['phone']);
    expect(kinds('Joindre la mère au +33 6.12.34.56.78')).toEqual(['phone']);
    expect(kinds('écrire à parent.eleve@example.fr')).toEqual(['email']);
    const m = findPersonalMentions('Appeler Sophie au 0612345678');
    expect(m.map((x) => x.kind)).toEqual(['first_name', 'phone']);
    expect(m[1]).toMatchObject({ index: 18, length: 10 });
  });
});
