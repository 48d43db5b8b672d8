// The application frame: sidebar sections, top bar with the command palette and save state, routed content.
import { AppShell, Badge, Box, Burger, Button, Group, Kbd, NavLink, ScrollArea, Stack, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  IconBuildingCommunity,
  IconCalendarEvent,
  IconFileText,
  IconKeyboard,
  IconLayoutDashboard,
  IconListDetails,
  IconSearch,
  IconSettings,
  IconShare,
  IconUsersGroup,
} from '@tabler/icons-react';
import { Link, Navigate, Route, Routes, useLocation } from 'react-router';
import { fr } from '../../../shared/i18n';
import { ComingSoon } from './ComingSoon';
import { CommandPalette, openPalette } from './CommandPalette';
import { openShortcuts, ShortcutsHelp } from './ShortcutsHelp';
import { allRoutes } from './routes';
import { AccountMenu } from '../web/AccountMenu';
import { SaveIndicator } from './SaveIndicator';
import { ReadOnlyBadge } from './ReadOnlyBadge';
import { TeamBanner } from './TeamBanner';
import { useAppState } from './appState';
import { links } from './registry';
import { focusScreen, MAIN_ID, useScreenFocus } from './useScreenFocus';

const SECTIONS = [
  { to: links.dashboard(), label: fr.nav.dashboard, icon: IconLayoutDashboard, exact: true },
  { to: links.plan(), label: fr.nav.plan, icon: IconListDetails },
  { to: links.meetings(), label: fr.nav.meetings, icon: IconCalendarEvent },
  { to: links.instances(), label: fr.nav.instances, icon: IconUsersGroup },
  { to: links.partners(), label: fr.nav.partners, icon: IconBuildingCommunity },
  { to: links.documents(), label: fr.nav.documents, icon: IconFileText },
  { to: links.sharing(), label: fr.nav.sharing, icon: IconShare },
  { to: links.settings(), label: fr.nav.settings, icon: IconSettings },
];

export function Shell() {
  const { state } = useAppState();
  const location = useLocation();
  const settings = state.settings!;
  const registered = new Set(allRoutes.map((r) => r.path));
  // Below 48em (a 1280 px screen at 200 % zoom, a phone) the sidebar folds into a menu button.
  const [menuOpened, menu] = useDisclosure(false);
  useScreenFocus();
  return (
    <AppShell navbar={{ width: 248, breakpoint: 'sm', collapsed: { mobile: !menuOpened } }} header={{ height: { base: 100, xs: 56 } }} padding={{ base: 'xs', sm: 'lg' }}>
      <a
        href={`#${MAIN_ID}`}
        className="clspd-skip-link"
        onClick={(e) => {
          // The router owns the URL's hash: move the focus without navigating.
          e.preventDefault();
          focusScreen();
        }}
      >
        {fr.a11y.skipLink}
      </a>
      <AppShell.Header>
        {/* Below 36em: menu button and save state on a first row, demo badge and search on a second (WCAG 1.4.10). */}
        <Group className="clspd-header" h="100%" px={{ base: 'xs', sm: 'md' }} justify="space-between" wrap="nowrap" gap="xs">
          <Group gap="xs" wrap="nowrap" style={{ flex: 'none' }}>
            <Burger opened={menuOpened} onClick={menu.toggle} hiddenFrom="sm" size="sm" aria-label={menuOpened ? fr.a11y.closeMenu : fr.a11y.openMenu} aria-expanded={menuOpened} aria-controls="clspd-navbar" />
            <Text fw={700} c="marianne.7" visibleFrom="sm">
              {fr.appName}
            </Text>
          </Group>
          {settings.demo ? (
            <Badge className="clspd-header-demo" variant="outline" color="orange" title={fr.frame.demoHint} style={{ flex: 'none' }}>
              {fr.frame.demoBadge}
            </Badge>
          ) : null}
          <UnstyledButton className="clspd-header-search" onClick={openPalette} aria-keyshortcuts="Control+K" title={fr.frame.searchButton} style={{ flex: '0 1 440px', minWidth: 0 }}>
            <Group gap="xs" px="sm" py={6} style={{ border: '1px solid var(--mantine-color-gray-6)', borderRadius: 6, background: 'white' }} wrap="nowrap">
              <IconSearch size={16} color="var(--mantine-color-gray-7)" aria-hidden />
              <Text c="dimmed" size="sm" style={{ flex: 1 }} truncate="end">
                {fr.frame.searchHint}
              </Text>
              <Kbd size="xs" visibleFrom="sm">
                Ctrl
              </Kbd>
              <Kbd size="xs" visibleFrom="sm">
                K
              </Kbd>
            </Group>
          </UnstyledButton>
          <TeamBanner />
          <Group className="clspd-header-state" gap={4} wrap="nowrap" style={{ flex: 'none' }}>
            <ReadOnlyBadge />
            <SaveIndicator />
            <AccountMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" id="clspd-navbar" className="clspd-navbar" data-folded={!menuOpened}>
        <Stack gap={2} mb="md" px="xs">
          <Text fw={700} size="lg" lh={1.2}>
            {settings.councilAcronym} {settings.communeName ? `de ${settings.communeName}` : ''}
          </Text>
          <Text size="xs" c="dimmed">
            {state.activePeriod ? state.activePeriod.title : fr.frame.noActivePeriod}
          </Text>
        </Stack>
        <AppShell.Section grow component={ScrollArea}>
          <nav aria-label={fr.frame.sectionsNav}>
            {SECTIONS.map((s) => {
              const active = s.exact ? location.pathname === s.to : location.pathname.startsWith(s.to);
              return (
                <NavLink
                  key={s.to}
                  component={Link}
                  to={s.to}
                  className="clspd-nav-link"
                  label={s.label}
                  leftSection={<s.icon size={18} stroke={1.6} aria-hidden />}
                  active={active}
                  onClick={menu.close}
                  aria-current={active ? 'page' : undefined}
                />
              );
            })}
          </nav>
        </AppShell.Section>
        <Box px="xs" pt="sm">
          <Button variant="subtle" size="xs" leftSection={<IconSearch size={14} />} onClick={openPalette} fullWidth justify="flex-start">
            {fr.frame.commandsButton}
          </Button>
          <Button variant="subtle" size="xs" leftSection={<IconKeyboard size={14} />} onClick={openShortcuts} fullWidth justify="flex-start">
            {fr.frame.shortcutsButton}
          </Button>
        </Box>
      </AppShell.Navbar>
      <AppShell.Main id={MAIN_ID} tabIndex={-1} style={{ outline: 'none' }}>
        <Box maw={1400} mx="auto">
          <Routes>
            {allRoutes.map((r) => (
              <Route key={r.path} path={r.path} element={r.element} />
            ))}
            {SECTIONS.filter((s) => !registered.has(s.to)).map((s) => (
              <Route key={s.to} path={s.to} element={<ComingSoon title={s.label} />} />
            ))}
            <Route path="*" element={<Navigate to="/" replace />} />
          </Routes>
        </Box>
      </AppShell.Main>
      <CommandPalette />
      <ShortcutsHelp />
    </AppShell>
  );
}
