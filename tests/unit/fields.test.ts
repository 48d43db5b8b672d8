// The contract's basic fields: each accepts and refuses what it should, with its one French message from the catalogue;
// the stored forms stay as lenient as before (old files still read), the input forms are strict.
import { describe, expect, it } from 'vitest';
import {
  Amount,
  CalendarDate,
  ClearableDate,
  ClearableId,
  ClockTime,
  EmailInput,
  Id,
  IsoDate,
  ListCode,
  Progress,
  RequiredShortText,
  requiredDate,
  requiredText,
  ShortText,
  text,
  Year,
} from '../../src/shared/fields';
import { fields as m } from '../../src/shared/i18n/fields';
import { fr } from '../../src/shared/i18n';
import { fieldErrors, z } from '../../src/shared/validation';

/** The messages of a refused value (empty when accepted). */
function refusal(schema: z.ZodType, value: unknown): string[] {
  const r = schema.safeParse(value);
  return r.success ? [] : r.error.issues.map((i) => i.message);
}

describe('basic fields', () => {
  it('ids: 1 to 64 characters, refused with one message', () => {
    expect(refusal(Id, 'a')).toEqual([]);
    expect(refusal(Id, 'x'.repeat(64))).toEqual([]);
    expect(refusal(Id, '')).toEqual([m.id]);
    expect(refusal(Id, 'x'.repeat(65))).toEqual([m.id]);
    expect(refusal(Id, 12)).toEqual([m.id]);
    expect(refusal(ClearableId, '')).toEqual([]);
    expect(refusal(ClearableId, undefined)).toEqual([]);
  });

  it('input dates are real calendar dates; the stored form only checks the shape', () => {
    expect(refusal(CalendarDate, '2024-02-29')).toEqual([]);
    expect(refusal(CalendarDate, '2026-02-29')).toEqual([m.date]);
    expect(refusal(CalendarDate, '31/12/2026')).toEqual([m.date]);
    expect(refusal(CalendarDate, '')).toEqual([m.date]);
    expect(refusal(CalendarDate, 20260101)).toEqual([m.date]);
    // An old file may hold a date no calendar has: it must still read.
    expect(refusal(IsoDate, '2026-02-31')).toEqual([]);
    expect(refusal(IsoDate, '2026-2-3')).toEqual([m.date]);
    expect(refusal(ClearableDate, '')).toEqual([]);
    expect(refusal(ClearableDate, 'invalid')).toEqual([m.date]);
  });

  it('a required date names what is missing when empty, and says the date is wrong otherwise', () => {
    const due = requiredDate('Indiquez la date prévue du jalon.');
    expect(refusal(due, '')).toEqual(['Indiquez la date prévue du jalon.']);
    expect(refusal(due, '2026-13-01')).toEqual([m.date]);
    expect(refusal(due, '2026-12-01')).toEqual([]);
  });

  it('clock times HH:MM', () => {
    expect(refusal(ClockTime, '09:05')).toEqual([]);
    expect(refusal(ClockTime, '23:59')).toEqual([]);
    expect(refusal(ClockTime, '24:00')).toEqual([m.time]);
    expect(refusal(ClockTime, '9:05')).toEqual([m.time]);
  });

  it('texts: trimmed on input, bounded, required ones refuse blanks', () => {
    expect(text().parse('  Maraudes  ')).toBe('Maraudes');
    expect(refusal(text(), 'x'.repeat(301))).toEqual([m.tooLong(300)]);
    expect(m.tooLong(20_000)).toBe('Ce champ dépasse 20\u00a0000 caractères : raccourcissez-le.');
    expect(refusal(requiredText(), '   ')).toEqual([m.required]);
    expect(refusal(requiredText('Indiquez le financeur.'), '')).toEqual(['Indiquez le financeur.']);
    expect(refusal(requiredText(undefined, 60), 'x'.repeat(61))).toEqual([m.tooLong(60)]);
    // Stored texts are kept as written (not trimmed) and a stored title only needs one character.
    expect(ShortText.parse(' a ')).toBe(' a ');
    expect(refusal(RequiredShortText, ' ')).toEqual([]);
    expect(refusal(RequiredShortText, '')).toEqual([m.required]);
  });

  it('e-mail: empty clears it, otherwise one @ and a dot in the domain', () => {
    expect(refusal(EmailInput, '')).toEqual([]);
    expect(refusal(EmailInput, undefined)).toEqual([]);
    expect(EmailInput.parse(' prenom.nom@ville.fr ')).toBe('prenom.nom@ville.fr');
    expect(refusal(EmailInput, 'pas-une-adresse')).toEqual([m.email]);
    expect(refusal(EmailInput, 'a b@ville.fr')).toEqual([m.email]);
  });

  it('amounts, percentages, years and list codes', () => {
    expect(refusal(Amount, 0)).toEqual([]);
    expect(refusal(Amount, 1_000_000_000)).toEqual([]);
    expect(refusal(Amount, -1)).toEqual([m.amount]);
    expect(refusal(Amount, 1e10)).toEqual([m.amount]);
    expect(refusal(Amount, Number.NaN)).toEqual([m.amount]);
    expect(refusal(Progress, 100)).toEqual([]);
    expect(refusal(Progress, 140)).toEqual([m.progress]);
    expect(refusal(Progress, '50')).toEqual([m.progress]);
    expect(refusal(Year, 2026)).toEqual([]);
    expect(refusal(Year, 1999)).toEqual([m.year]);
    expect(refusal(Year, 2026.5)).toEqual([m.year]);
    expect(refusal(ListCode, 'famille_2')).toEqual([]);
    expect(refusal(ListCode, 'Famille')).toEqual([m.listCode]);
  });

  it('the catalogue points at the same messages (one wording each)', () => {
    expect(fr.errors.invalidDate).toBe(m.date);
    expect(fr.errors.invalidEmail).toBe(m.email);
    expect(fr.errors.invalidTime).toBe(m.time);
    // One wording per kind of field: no two kinds share a message.
    const all = [m.id, m.date, m.dateTime, m.time, m.required, m.email, m.amount, m.progress, m.year, m.listCode, m.colour, m.number];
    expect(new Set(all).size).toBe(all.length);
  });
});

describe('fieldErrors', () => {
  it('gives every field its first message, nested fields by their dotted path', () => {
    const schema = z.object({
      title: requiredText('Indiquez l’intitulé.'),
      dueDate: CalendarDate,
      pilot: z.object({ organisationId: Id }),
      email: EmailInput,
    });
    const r = schema.safeParse({ title: '', dueDate: '2026-02-30', pilot: { organisationId: '' }, email: 'x' });
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(fieldErrors(r.error)).toEqual({
      title: 'Indiquez l’intitulé.',
      dueDate: m.date,
      'pilot.organisationId': m.id,
      email: m.email,
    });
  });
});
