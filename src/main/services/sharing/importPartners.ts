// Import of partner institutions and their contacts from a spreadsheet: mapping, validation, duplicate merge, all or nothing.
import { sharingServices as ts } from '../../../shared/i18n/sharing-services';
import type { PreviewChange, PreviewLine } from '../../../shared/contract/sharing';
import { newId } from '../../../shared/ids';
import type { Category, Datastore, Organisation, Person } from '../../../shared/model';
import { sharing } from '../../../shared/i18n/sharing';
import { EMAIL_RE } from '../../../shared/text';
import { fold } from './common';
import { mapColumns, RowReader, singularFold, type ColumnMapping, type FieldSpec } from './fields';
import type { RawTable } from './readTable';

type Civility = Person['civility'];

export type PartnerField =
  | 'orgName'
  | 'shortName'
  | 'category'
  | 'address'
  | 'orgEmail'
  | 'orgPhone'
  | 'website'
  | 'civility'
  | 'firstName'
  | 'lastName'
  | 'contact'
  | 'jobTitle'
  | 'email'
  | 'phone'
  | 'leftAt';

const H = sharing.headers;
export const PARTNER_FIELDS: FieldSpec<PartnerField>[] = [
  { key: 'orgName', label: H.organisation, aliases: ['Nom de la structure', 'Structure', 'Organisation', 'Organisme', 'Institution', 'Partenaire', 'Établissement', 'Etablissement', 'Name', 'Organization', 'Organisation name', 'Organization name', 'Company', 'Nom de l’organisme', 'Raison sociale'] },
  { key: 'shortName', label: H.shortName, aliases: ['Acronyme', 'Abréviation', 'Short name', 'Acronym'] },
  { key: 'category', label: H.category, aliases: ['Categorie', 'Category', 'Type de structure', 'Type', 'Famille', 'Catégorie de partenaire'] },
  { key: 'address', label: H.orgAddress, aliases: ['Adresse de la structure', 'Adresse postale', 'Address', 'Postal address'] },
  { key: 'orgEmail', label: H.orgEmail, aliases: ['E-mail de la structure', 'Email de la structure', 'Courriel structure', 'Organisation email', 'Organization email', 'Courriel générique'] },
  { key: 'orgPhone', label: H.orgPhone, aliases: ['Tél. de la structure', 'Téléphone structure', 'Standard', 'Organisation phone', 'Organization phone'] },
  { key: 'website', label: H.website, aliases: ['Site internet', 'Site', 'Website', 'Web'] },
  { key: 'civility', label: H.civility, aliases: ['Civility', 'Salutation', 'M./Mme'] },
  { key: 'firstName', label: H.firstName, aliases: ['Prenom', 'First name', 'Firstname', 'Given name', 'Prénom du contact'] },
  { key: 'lastName', label: H.lastName, aliases: ['Nom de famille', 'Nom du contact', 'Last name', 'Lastname', 'Surname', 'Family name'] },
  { key: 'contact', label: 'Contact', aliases: ['Nom et prénom', 'Prénom et nom', 'Prénom Nom', 'Nom Prénom', 'Contact name', 'Full name', 'Personne', 'Interlocuteur', 'Référent', 'Referent'] },
  { key: 'jobTitle', label: H.jobTitle, aliases: ['Poste', 'Job title', 'Job', 'Position', 'Rôle', 'Role', 'Titre', 'Qualité'] },
  { key: 'email', label: H.email, aliases: ['E-mail', 'Email', 'Mail', 'Adresse électronique', 'Adresse mail', 'Adresse e-mail', 'Courriel du contact', 'E-mail du contact', 'Mél'] },
  { key: 'phone', label: H.phone, aliases: ['Tél', 'Tél.', 'Tel', 'Phone', 'Téléphone du contact', 'Portable', 'Mobile', 'Numéro de téléphone', 'Phone number'] },
  { key: 'leftAt', label: H.leftAt, aliases: ['Départ le', 'Date de départ'] },
];
const SPECS = new Map(PARTNER_FIELDS.map((s) => [s.key, s]));

/** Matches a category label to the preset list ignoring case, accents and plural; undefined when nothing matches. */
export function matchCategory(categories: Category[], text: string): Category | undefined {
  const t = singularFold(text);
  if (!t) return undefined;
  for (const c of categories) if (singularFold(c.label) === t || fold(c.id) === fold(text)) return c;
  for (const c of categories) {
    const main = singularFold(c.label.replace(/\(.*$/, ''));
    if (main === t) return c;
  }
  for (const c of categories) {
    // « Maisons de quartier et centres sociaux », « Justice (parquet, PJJ, SPIP…) »: any listed part matches.
    if (c.label.split(/[(),]|\bet\b/).some((part) => singularFold(part) === t)) return c;
  }
  for (const c of categories) {
    const main = singularFold(c.label.replace(/\(.*$/, ''));
    if (t.length >= 4 && (main.startsWith(`${t} `) || t.startsWith(`${main} `))) return c;
  }
  return undefined;
}

function splitContact(s: string): { civility: Civility; firstName: string; lastName: string } {
  let rest = s.trim().replace(/\s+/g, ' ');
  let civility: Civility = '';
  const civ = /^(m\.|mr\.?|monsieur|mme|madame|mlle|mademoiselle)\s+/i.exec(rest);
  if (civ) {
    civility = /^m(\.|r)|^monsieur/i.test(civ[1]) ? 'M.' : 'Mme';
    rest = rest.slice(civ[0].length);
  }
  const words = rest.split(' ');
  if (words.length === 1) return { civility, firstName: '', lastName: words[0] };
  const upper = words.filter((w) => w.length > 1 && w === w.toUpperCase() && /[A-Z]/.test(w));
  if (upper.length && upper.length < words.length) {
    return { civility, firstName: words.filter((w) => !upper.includes(w)).join(' '), lastName: upper.join(' ') };
  }
  return { civility, firstName: words[0], lastName: words.slice(1).join(' ') };
}

function parseCivility(s: string | undefined): Civility | undefined {
  if (!s) return undefined;
  const f = fold(s).replace(/\./g, '');
  if (['m', 'mr', 'monsieur'].includes(f)) return 'M.';
  if (['mme', 'madame', 'mlle', 'mademoiselle', 'mrs', 'ms'].includes(f)) return 'Mme';
  return undefined;
}

interface WorkState {
  organisations: Organisation[];
  people: Person[];
  categories: Category[];
}

export interface PartnerPlan {
  lines: PreviewLine[];
  fileErrors: string[];
  mapping: ColumnMapping<PartnerField>;
}

function describe(o: Record<string, unknown>, keys: [string, string][], before?: Record<string, unknown>): PreviewChange[] {
  const out: PreviewChange[] = [];
  for (const [k, label] of keys) {
    const to = o[k];
    const from = before?.[k];
    if (to === undefined || to === '' || to === from) continue;
    out.push({ field: k, label, from: from === undefined || from === '' ? undefined : String(from), to: String(to) });
  }
  return out;
}

const ORG_KEYS: [keyof Organisation & string, string][] = [
  ['name', H.organisation],
  ['shortName', H.shortName],
  ['categoryId', H.category],
  ['address', H.orgAddress],
  ['email', H.orgEmail],
  ['phone', H.orgPhone],
  ['website', H.website],
];
const PERSON_KEYS: [keyof Person & string, string][] = [
  ['civility', H.civility],
  ['firstName', H.firstName],
  ['lastName', H.lastName],
  ['jobTitle', H.jobTitle],
  ['email', H.email],
  ['phone', H.phone],
  ['leftAt', H.leftAt],
];

/**
 * Runs the import over `state` (a copy for the preview, the live document when applying). Rows processed in order,
 * so a structure created on one row is merged into by the next. Only `accepted` rows change anything when given.
 */
export function planPartners(state: WorkState, table: RawTable, overrides: Record<string, string>, at: string, accepted?: Set<string>): PartnerPlan {
  const mapping = mapColumns(table.headers, PARTNER_FIELDS, overrides);
  const fileErrors: string[] = [];
  if (mapping.byField.orgName === undefined) fileErrors.push(sharing.import.missingColumn(H.organisation));
  const lines: PreviewLine[] = [];
  if (fileErrors.length) return { lines, fileErrors, mapping };
  const orgByName = new Map(state.organisations.map((o) => [fold(o.name), o]));
  const personByEmail = new Map(state.people.filter((p) => p.email).map((p) => [fold(p.email!), p]));
  const other = state.categories.find((c) => c.id === 'other') ?? [...state.categories].sort((a, b) => b.protocolRank - a.protocolRank)[0];
  const catLabel = new Map(state.categories.map((c) => [c.id, c.label]));

  for (const raw of table.rows) {
    const id = `r${raw.row}`;
    const r = new RowReader(raw.cells, mapping, SPECS, table.headers);
    const warnings: string[] = [];
    const name = r.text('orgName');
    if (!name) r.error('orgName', 'le nom de la structure est obligatoire.');
    const catText = r.text('category');
    let category = catText ? matchCategory(state.categories, catText) : undefined;
    if (catText && !category) {
      category = other;
      warnings.push(ts.partners.unknownCategory(catText, other?.label ?? ts.partners.otherCategory));
    }
    let civility = parseCivility(r.text('civility'));
    let firstName = r.text('firstName');
    let lastName = r.text('lastName');
    const contact = r.text('contact');
    if (contact && !lastName) {
      const s = splitContact(contact);
      firstName = firstName ?? (s.firstName || undefined);
      lastName = s.lastName;
      civility = civility ?? (s.civility || undefined);
    }
    const email = r.text('email');
    const phone = r.text('phone');
    const jobTitle = r.text('jobTitle');
    const leftAt = r.date('leftAt');
    const hasPerson = !!lastName;
    if (email && !EMAIL_RE.test(email)) r.error('email', ts.partners.badEmail(email));
    let orgEmail = r.text('orgEmail');
    let orgPhone = r.text('orgPhone');
    if (orgEmail && !EMAIL_RE.test(orgEmail)) r.error('orgEmail', ts.partners.badOrgEmail(orgEmail));
    if (!hasPerson) {
      // E-mail and phone without a contact name belong to the institution.
      if (email && !orgEmail && mapping.byField.orgEmail === undefined) orgEmail = email;
      if (phone && !orgPhone && mapping.byField.orgPhone === undefined) orgPhone = phone;
      if (jobTitle || firstName) warnings.push(ts.partners.contactWithoutName);
    }
    const orgPatch: Partial<Organisation> = {
      name,
      shortName: r.text('shortName'),
      categoryId: category?.id,
      address: r.text('address'),
      email: orgEmail,
      phone: orgPhone,
      website: r.text('website'),
    };
    const label = [name, hasPerson ? [firstName, lastName].filter(Boolean).join(' ') : ''].filter(Boolean).join(' — ');
    if (r.errors.length || !name) {
      lines.push({ id, row: raw.row, label: label || sharing.import.row(raw.row), action: 'invalid', changes: [], errors: r.errors, warnings, acceptable: false });
      continue;
    }
    const apply = !accepted || accepted.has(id);
    const changes: PreviewChange[] = [];
    let existing = orgByName.get(fold(name));
    let action: PreviewLine['action'];
    if (existing) {
      const before = { ...existing };
      const patch = Object.fromEntries(Object.entries(orgPatch).filter(([k, v]) => v !== undefined && k !== 'name')) as Partial<Organisation>;
      const c = describe(patch, ORG_KEYS, before);
      changes.push(...c.map((x) => (x.field === 'categoryId' ? { ...x, from: catLabel.get(x.from ?? '') ?? x.from, to: catLabel.get(x.to ?? '') ?? x.to } : x)));
      if (apply && c.length) Object.assign(existing, patch, { updatedAt: at });
      action = c.length ? 'merge' : 'unchanged';
    } else {
      if (!category && !other) {
        // No category at all in this council (every one deleted): the line cannot be classified.
        lines.push({ id, row: raw.row, label: label || sharing.import.row(raw.row), action: 'invalid', changes: [], errors: [{ message: sharing.import.noCategoryAtAll }], warnings, acceptable: false });
        continue;
      }
      if (!category) {
        category = other;
        warnings.push(ts.partners.noCategory(other?.label ?? ts.partners.otherCategory));
      }
      const org: Organisation = { id: newId('org'), name, categoryId: category!.id, archived: false, createdAt: at, updatedAt: at };
      for (const [k, v] of Object.entries(orgPatch)) if (v !== undefined && k !== 'categoryId' && k !== 'name') (org as unknown as Record<string, unknown>)[k] = v;
      changes.push(...describe({ ...org, categoryId: category!.label }, ORG_KEYS));
      action = 'create';
      if (apply) {
        state.organisations.push(org);
        orgByName.set(fold(name), org);
        existing = org;
      }
    }
    if (hasPerson) {
      const orgId = existing?.id;
      const personPatch: Partial<Person> = { civility, firstName, lastName, jobTitle, email, phone, leftAt };
      let person = email ? personByEmail.get(fold(email)) : undefined;
      if (!person && orgId) person = state.people.find((p) => p.organisationId === orgId && fold(`${p.firstName} ${p.lastName}`) === fold(`${firstName ?? ''} ${lastName}`));
      if (person) {
        const patch = Object.fromEntries(Object.entries(personPatch).filter(([, v]) => v !== undefined)) as Partial<Person>;
        // The same address written with other capitals is not a change.
        if (patch.email && person.email && fold(patch.email) === fold(person.email)) delete patch.email;
        const c = describe(patch, PERSON_KEYS, { ...person });
        changes.push(...c);
        if (person.organisationId !== orgId && orgId) {
          warnings.push(ts.partners.contactElsewhere(email ?? lastName, name));
          changes.push({ field: 'organisationId', label: H.organisation, to: name });
          if (apply) person.organisationId = orgId;
        }
        if (apply && c.length) Object.assign(person, patch, { updatedAt: at });
        if (c.length && action === 'unchanged') action = 'merge';
      } else {
        const p: Person = { id: newId('per'), organisationId: orgId ?? '', civility: civility ?? '', firstName: firstName ?? '', lastName: lastName!, createdAt: at, updatedAt: at };
        if (jobTitle) p.jobTitle = jobTitle;
        if (email) p.email = email;
        if (phone) p.phone = phone;
        if (leftAt) p.leftAt = leftAt;
        changes.push(...describe({ ...p }, PERSON_KEYS).filter((c) => c.field !== 'civility' || c.to));
        if (action === 'unchanged') action = 'merge';
        if (apply && orgId) {
          state.people.push(p);
          if (email) personByEmail.set(fold(email), p);
        }
      }
    }
    lines.push({ id, row: raw.row, label, action, changes, errors: [], warnings, acceptable: true });
  }
  return { lines, fileErrors, mapping };
}

/** A cheap copy of the parts of the document the partner import touches. */
export function partnerWorkState(d: Datastore): WorkState {
  return { organisations: d.organisations.map((o) => ({ ...o })), people: d.people.map((p) => ({ ...p })), categories: d.categories };
}
