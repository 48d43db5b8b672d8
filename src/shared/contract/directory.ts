// IPC channels of the directory: partner institutions, their contacts, categories, undo of deletions.
import { z } from '../validation';
import { CalendarDate, EmailInput, Id, optText, requiredText, text } from '../fields';
import { directory as t } from '../i18n/directory';
import { Civility, type Category, type Organisation, type Person } from '../model';
import { channel } from './define';

export const OrganisationInput = z.object({
  name: requiredText(t.form.nameRequired),
  shortName: optText(),
  categoryId: requiredText(t.form.categoryRequired, 64),
  address: optText(),
  email: EmailInput,
  phone: optText(),
  website: optText(),
  notes: optText(100_000),
  officeHolderChangedAt: CalendarDate.optional(),
});
export type OrganisationInput = z.infer<typeof OrganisationInput>;

export const PersonInput = z.object({
  organisationId: requiredText(t.person.organisationRequired, 64),
  civility: Civility,
  firstName: text(),
  lastName: requiredText(t.person.lastNameRequired),
  jobTitle: optText(),
  email: EmailInput,
  phone: optText(),
  leftAt: CalendarDate.optional(),
});
export type PersonInput = z.infer<typeof PersonInput>;

export interface PartnerRow extends Organisation {
  categoryLabel: string;
  peopleCount: number;
}

export interface PartnerDetail {
  organisation: Organisation;
  category: Category;
  people: Person[];
  /** Instances in which the institution currently sits. */
  instances: { id: string; name: string; kind: string }[];
  /** Actions it pilots or joins. */
  actions: { id: string; code: string; title: string; role: 'pilot' | 'partner' }[];
}

export interface Deleted {
  /** Token to pass to `undo:restore` during this session. */
  undoToken: string;
  label: string;
}

const IdInput = z.object({ id: Id });

export const directoryContract = {
  'categories:list': channel<Category[]>()(z.undefined()),
  'partners:list': channel<PartnerRow[]>()(
    z.object({ query: z.string().max(300).optional(), categoryId: Id.optional() }).optional(),
  ),
  'partners:get': channel<PartnerDetail>()(IdInput),
  'partners:create': channel<Organisation>()(OrganisationInput),
  'partners:update': channel<Organisation>()(z.object({ id: Id, patch: OrganisationInput.partial() })),
  'partners:delete': channel<Deleted>()(IdInput),
  'people:list': channel<Person[]>()(z.object({ organisationId: Id.optional() }).optional()),
  'people:create': channel<Person>()(PersonInput),
  'people:update': channel<Person>()(z.object({ id: Id, patch: PersonInput.partial() })),
  'people:delete': channel<Deleted>()(IdInput),
  'undo:restore': channel<{ label: string }>()(z.object({ undoToken: z.string().min(1).max(80) })),
} as const;
