// French words for the audit log's operations and modified items (never their content).
import { fr } from '../../../../shared/i18n';
import { links } from '../../app/registry';

const a = fr.team.audit;

/** « Fiche action — modification » for `actions:update`; the channel itself when it has no French words. */
export function operationLabel(channel: string): string {
  const [domain = '', verb = ''] = channel.split(':');
  const d = a.domains[domain];
  if (!d) return channel;
  const v = a.verbs[verb] ?? Object.entries(a.verbs).find(([k]) => verb.toLowerCase().startsWith(k))?.[1];
  return v ? `${d} — ${v}` : `${d} — ${verb}`;
}

/** The kind of an entity written (« cette fiche action » → « fiche action ») and a link when it has a page. */
export function itemOf(ref: string): { label: string; to?: string } {
  const [collection = '', id = ''] = ref.split(':');
  const label = (fr.team.entity[collection] ?? fr.team.unknownEntity).replace(/^(cette|cet|ce|une|le|la|les) /, '');
  const to =
    collection === 'actions' ? links.action(id) : collection === 'meetings' ? links.meeting(id) : collection === 'instances' ? links.instance(id) : collection === 'organisations' ? links.partner(id) : undefined;
  return to ? { label, to } : { label };
}
