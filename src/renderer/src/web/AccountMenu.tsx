// Header menu of a browser session: who is connected (name and role), the audit log for the coordinator, logout.
import { Button, Menu, Text } from '@mantine/core';
import { IconHistory, IconLogout, IconUserCircle } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import { fr } from '../../../shared/i18n';
import { useAccess } from '../app/access';
import { AUDIT_PATH } from '../screens/team/paths';
import { useWebSession } from './session';

export function AccountMenu() {
  const session = useWebSession();
  const navigate = useNavigate();
  const { canManageUsers } = useAccess();
  if (!session) return null;
  const { account } = session;
  const who = `${account.displayName} · ${fr.team.roles[account.role]}`;
  return (
    // Opened from the keyboard, the focus goes to the first entry (Mantine's default is an unnamed empty placeholder).
    <Menu position="bottom-end" withinPortal withInitialFocusPlaceholder={false}>
      <Menu.Target>
        <Button variant="subtle" size="compact-sm" leftSection={<IconUserCircle size={18} aria-hidden />} aria-label={fr.team.web.accountMenu(account.displayName, fr.team.roles[account.role])} style={{ flexShrink: 0 }}>
          <Text span size="sm" visibleFrom="sm">
            {fr.team.web.connectedAs(account.displayName)}
          </Text>
        </Button>
      </Menu.Target>
      {/* Never wider than the window (at 320 px the role made it 360 px wide): its lines wrap instead. */}
      <Menu.Dropdown maw="calc(100vw - 16px)">
        <Menu.Label>{who}</Menu.Label>
        {canManageUsers ? (
          <Menu.Item leftSection={<IconHistory size={16} aria-hidden />} onClick={() => void navigate(AUDIT_PATH)}>
            {fr.team.web.auditLink}
          </Menu.Item>
        ) : null}
        <Menu.Item leftSection={<IconLogout size={16} aria-hidden />} onClick={() => void session.logout()}>
          {fr.team.web.logout}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
