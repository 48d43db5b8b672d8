// Ctrl+K command palette: jump to any action, meeting, partner or instance, or run a command.
import { Spotlight, spotlight, type SpotlightActionData } from '@mantine/spotlight';
import { IconArrowRight, IconBuildingCommunity, IconCalendarEvent, IconListDetails, IconSearch, IconUser, IconUsersGroup } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import type { SearchHit } from '../../../shared/contract/core';
import { fr } from '../../../shared/i18n';
import { api } from '../api';
import { links } from './registry';
import { allCommands } from './routes';

export const openPalette = (): void => spotlight.open();

const KIND_ICON = {
  action: IconListDetails,
  meeting: IconCalendarEvent,
  instance: IconUsersGroup,
  partner: IconBuildingCommunity,
  person: IconUser,
  axis: IconListDetails,
};
const KIND_LINK: Record<SearchHit['kind'], (id: string) => string> = {
  action: links.action,
  meeting: links.meeting,
  instance: links.instance,
  partner: links.partner,
  person: links.partner,
  axis: links.axis,
};

export function CommandPalette() {
  const navigate = useNavigate();
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<SearchHit[]>([]);

  useEffect(() => {
    let alive = true;
    if (!query.trim()) {
      setHits([]);
      return;
    }
    void api()
      .search.global({ query, limit: 30 })
      .then((r) => alive && r.ok && setHits(r.value));
    return () => {
      alive = false;
    };
  }, [query]);

  const navigation: SpotlightActionData[] = [
    { id: 'nav-dashboard', label: `Aller au ${fr.nav.dashboard.toLowerCase()}`, onClick: () => navigate(links.dashboard()) },
    { id: 'nav-plan', label: `Ouvrir le ${fr.nav.plan.toLowerCase()}`, onClick: () => navigate(links.plan()) },
    { id: 'nav-meetings', label: 'Ouvrir les réunions', onClick: () => navigate(links.meetings()) },
    { id: 'nav-instances', label: 'Ouvrir les instances', onClick: () => navigate(links.instances()) },
    { id: 'nav-partners', label: 'Ouvrir les partenaires', onClick: () => navigate(links.partners()) },
    { id: 'nav-new-partner', label: 'Ajouter un partenaire', onClick: () => navigate(`${links.partners()}?nouveau=1`) },
    { id: 'nav-documents', label: 'Ouvrir les documents', onClick: () => navigate(links.documents()) },
    { id: 'nav-settings', label: 'Ouvrir les paramètres', onClick: () => navigate(links.settings()) },
    ...allCommands.map((c) => ({ id: c.id, label: c.label, description: c.description, keywords: c.keywords, onClick: () => navigate(c.to) })),
  ].map((a) => ({ ...a, leftSection: <IconArrowRight size={16} /> }));

  const found: SpotlightActionData[] = hits.map((h) => {
    const Icon = KIND_ICON[h.kind];
    return {
      id: `${h.kind}-${h.id}-${h.title}`,
      label: h.title,
      description: h.subtitle,
      leftSection: <Icon size={16} />,
      onClick: () => navigate(KIND_LINK[h.kind](h.id)),
    };
  });
  const q = query.trim().toLowerCase();
  const commands = q ? navigation.filter((a) => String(a.label).toLowerCase().includes(q)) : navigation;

  return (
    <Spotlight
      actions={[...commands, ...found]}
      filter={(_q, actions) => actions}
      query={query}
      onQueryChange={setQuery}
      shortcut={['mod + K']}
      nothingFound="Aucun résultat. Essayez un autre mot."
      highlightQuery
      limit={40}
      searchProps={{ leftSection: <IconSearch size={18} />, placeholder: 'Rechercher ou lancer une commande…', 'aria-label': 'Rechercher ou lancer une commande' }}
    />
  );
}
