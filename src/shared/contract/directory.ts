// IPC channels of the directory: partner institutions, their contacts, categories, undo of deletions.
import { isoDateInput, optionalEmailInput, z } from '../validation';
import { Civility, Id, type Category, type Organisation, type Person } from '../model';
import { channel } from './define';

const optionalText = (max = 300) => z.string().trim().max(max).optional();
const email = optionalEmailInput();

export const OrganisationInput = z.object({
  name: z.string().trim().min(1, 'Indiquez le nom de la structure.').max(300),
  shortName: optionalText(),
  categoryId: z.string().min(1, 'Choisissez une catégorie.').max(64),
  address: optionalText(),
  email,
  phone: optionalText(),
  website: optionalText(),
  notes: optionalText(100_000),
  officeHolderChangedAt: isoDateInput().optional(),
});
export type OrganisationInput = z.infer<typeof OrganisationInput>;

export const PersonInput = z.object({
  organisationId: z.string().min(1, 'Choisissez la structure de la personne.').max(64),
  civility: Civility,
  firstName: z.string().trim().max(300),
  lastName: z.string().trim().min(1, 'Indiquez le nom de la personne.').max(300),
  jobTitle: optionalText(),
  email,
  phone: optionalText(),
  leftAt: isoDateInput().optional(),
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
