// Header element of team mode: who is connected to which server, and a lost connection shown at once.
import { Badge, Tooltip } from '@mantine/core';
import { IconCloud, IconCloudOff, IconLockExclamation } from '@tabler/icons-react';
import { Link } from 'react-router';
import { fr } from '../../../shared/i18n';
import { links } from './registry';
import { hostOf, useTeamStatus } from './teamStatus';

const t = fr.team.desktop;

export function TeamBanner() {
  const status = useTeamStatus();
  if (!status || status.mode !== 'team') return null;
  const host = hostOf(status.server);
  const who = status.displayName ?? status.email ?? '';
  const view =
    status.connection === 'online'
      ? { color: 'marianne', icon: <IconCloud size={14} aria-hidden />, text: t.headerOnline(who, host), role: 'status' as const }
      : status.connection === 'offline'
        ? { color: 'red', icon: <IconCloudOff size={14} aria-hidden />, text: t.headerOffline(host), role: 'alert' as const }
        : { color: 'red', icon: <IconLockExclamation size={14} aria-hidden />, text: status.connection === 'expired' ? t.headerExpired(host) : t.headerCertificate(host), role: 'alert' as const };
  return (
    <Tooltip label={view.text} multiline w={320}>
      <Badge
        component={Link}
        to={links.settings()}
        color={view.color}
        variant={status.connection === 'online' ? 'light' : 'filled'}
        leftSection={view.icon}
        role={view.role}
        data-testid="team-banner"
        style={{ textTransform: 'none', maxWidth: 360, cursor: 'pointer' }}
      >
        {status.connection === 'online' ? t.headerOnline(who, host) : status.connection === 'offline' ? t.titleOffline(host) : view.text}
      </Badge>
    </Tooltip>
  );
}
