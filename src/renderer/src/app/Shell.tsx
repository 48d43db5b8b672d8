// The application frame: sidebar sections, top bar with the command palette and save state, routed content.
import { AppShell, Badge, Box, Button, Group, Kbd, NavLink, ScrollArea, Stack, Text, UnstyledButton } from '@mantine/core';
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
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import { fr } from '../../../shared/i18n';
import { PartnersScreen } from '../screens/directory/PartnersScreen';
import { PartnerScreen } from '../screens/directory/PartnerScreen';
import { SettingsScreen } from '../screens/settings/SettingsScreen';
import { ComingSoon } from './ComingSoon';
import { CommandPalette, openPalette } from './CommandPalette';
import { openShortcuts, ShortcutsHelp } from './ShortcutsHelp';
import { allRoutes } from './routes';
import { SaveIndicator } from './SaveIndicator';
import { useAppState } from './App';
import { links } from './registry';

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
  const navigate = useNavigate();
  const location = useLocation();
  const settings = state.settings!;
  const registered = new Set(allRoutes.map((r) => r.path));
  return (
    <AppShell navbar={{ width: 248, breakpoint: 0 }} header={{ height: 56 }} padding="lg">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap">
            <Text fw={700} c="marianne.7">
              {fr.appName}
            </Text>
            {settings.demo ? (
              <Badge variant="outline" color="orange" title={fr.frame.demoHint}>
                {fr.frame.demoBadge}
              </Badge>
            ) : null}
          </Group>
          <UnstyledButton onClick={openPalette} aria-label={fr.frame.searchButton} style={{ flex: '0 1 440px' }}>
            <Group gap="xs" px="sm" py={6} style={{ border: '1px solid var(--mantine-color-gray-4)', borderRadius: 6, background: 'white' }} wrap="nowrap">
              <IconSearch size={16} color="gray" />
              <Text c="dimmed" size="sm" style={{ flex: 1 }} truncate="end">
                {fr.frame.searchHint}
              </Text>
              <Kbd size="xs">Ctrl</Kbd>
              <Kbd size="xs">K</Kbd>
            </Group>
          </UnstyledButton>
          <SaveIndicator />
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm">
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
                  className="clspd-nav-link"
                  label={s.label}
                  leftSection={<s.icon size={18} stroke={1.6} />}
                  active={active}
                  onClick={() => navigate(s.to)}
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
      <AppShell.Main>
        <Box maw={1400} mx="auto">
          <Routes>
            {allRoutes.map((r) => (
              <Route key={r.path} path={r.path} element={r.element} />
            ))}
            <Route path={links.partners()} element={<PartnersScreen />} />
            <Route path="/partenaires/:id" element={<PartnerScreen />} />
            <Route path={links.settings()} element={<SettingsScreen />} />
            {SECTIONS.filter((s) => !registered.has(s.to) && s.to !== links.partners() && s.to !== links.settings()).map((s) => (
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
