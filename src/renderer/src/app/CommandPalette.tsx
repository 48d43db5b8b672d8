// Ctrl+K command palette: jump to any action, meeting, partner or instance, or run a command.
import { Spotlight, spotlight, type SpotlightActionData } from '@mantine/spotlight';
import { IconArrowRight, IconBuildingCommunity, IconCalendarEvent, IconListDetails, IconSearch, IconUser, IconUsersGroup } from '@tabler/icons-react';
import { useEffect, useState, type KeyboardEvent } from 'react';
import { useNavigate } from 'react-router';
import type { SearchHit } from '../../../shared/contract/core';
import { fr } from '../../../shared/i18n';
import { foldWords } from '../../../shared/text';
import { api } from '../api';
import { useAccess } from './access';
import { links } from './registry';
import { allCommands } from './routes';
import { openShortcuts } from './ShortcutsHelp';

/** Sections first, in the sidebar's order, then the other commands, the shortcuts help last. */
const SECTION_ORDER = ['dashboard.open', 'strategy.plan', 'nav-meetings', 'nav-instances', 'nav-partners', 'documents.open', 'nav-sharing', 'nav-settings'];
const rank = (id: string): number => {
  const i = SECTION_ORDER.indexOf(id);
  return i >= 0 ? i : id === 'nav-shortcuts' ? 100 : 50;
};

const LIST_CLASS = 'clspd-palette-list';

/** Enter with nothing highlighted (results came in after typing) opens the first line. */
function openFirstOnEnter(e: KeyboardEvent<HTMLInputElement>): void {
  if (e.key !== 'Enter') return;
  const list = document.querySelector(`.${LIST_CLASS}`);
  if (list && !list.querySelector('[data-selected]')) list.querySelector<HTMLElement>('[data-action]')?.click();
}

/** « reunion » finds « Ouvrir les réunions ». */
const fold = (t: unknown): string => foldWords(String(t));

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
  const { canEdit } = useAccess();
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

  const P = fr.palette;
  // Search hits arrive after the list was first drawn: keep the first line highlighted so Enter opens it.
  useEffect(() => {
    const list = document.querySelector(`.${LIST_CLASS}`);
    if (list && !list.querySelector('[data-selected]')) list.querySelector('[data-action]')?.setAttribute('data-selected', 'true');
  }, [hits]);

  // Every screen module registers its own commands, its « Ouvrir … » section command included (allCommands).
  const navigation: SpotlightActionData[] = [
    { id: 'nav-shortcuts', label: P.showShortcuts, keywords: ['raccourcis', 'clavier', 'aide'], onClick: openShortcuts },
    ...allCommands.filter((c) => canEdit || !c.edits).map((c) => ({ id: c.id, label: c.label, description: c.description, keywords: c.keywords, onClick: () => navigate(c.to) })),
  ]
    .sort((a, b) => rank(a.id) - rank(b.id))
    .map((a) => ({ ...a, leftSection: <IconArrowRight size={16} /> }));

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
  const q = fold(query.trim());
  const commands = q ? navigation.filter((a) => fold([a.label, ...(Array.isArray(a.keywords) ? a.keywords : [])].join(' ')).includes(q)) : navigation;

  return (
    <Spotlight
      actions={[...commands, ...found]}
      filter={(_q, actions) => actions}
      query={query}
      onQueryChange={setQuery}
      shortcut={['mod + K']}
      nothingFound={fr.palette.nothingFound}
      highlightQuery
      limit={40}
      classNames={{ actionsList: LIST_CLASS }}
      searchProps={{ leftSection: <IconSearch size={18} />, placeholder: fr.palette.placeholder, 'aria-label': fr.palette.label, onKeyDown: openFirstOnEnter }}
    />
  );
}
