// Header menu of a browser session: who is connected (name and role), the audit log for the coordinator, logout.
import { Button, Menu, Text } from '@mantine/core';
import { IconHistory, IconLogout, IconUserCircle } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import { fr } from '../../../shared/i18n';
import { AUDIT_PATH } from '../screens/team/paths';
import { useWebSession } from './session';

export function AccountMenu() {
  const session = useWebSession();
  const navigate = useNavigate();
  if (!session) return null;
  const { account } = session;
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="subtle" size="compact-sm" leftSection={<IconUserCircle size={18} aria-hidden />} aria-label={fr.team.web.accountMenu(account.displayName)} style={{ flexShrink: 0 }}>
          <Text span size="sm" visibleFrom="sm">
            {fr.team.web.connectedAs(account.displayName)}
          </Text>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          {account.displayName} · {fr.team.roles[account.role]}
        </Menu.Label>
        {account.role === 'coordinator' ? (
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
