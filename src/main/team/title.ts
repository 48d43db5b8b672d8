// The window title in team mode: the screen's own title, then who is connected to which server, or that the connection is lost.
import type { TeamStatus } from '../../shared/contract/team';
import { team } from '../../shared/i18n/team';

function hostOf(server: string | undefined): string {
  try {
    return server ? new URL(server).host : '';
  } catch {
    return server ?? '';
  }
}

export function windowTitle(pageTitle: string, status: TeamStatus): string {
  if (status.mode !== 'team') return pageTitle;
  const host = hostOf(status.server);
  const t = team.desktop;
  const suffix =
    status.connection === 'online'
      ? t.titleSuffix(status.displayName ?? status.email ?? '', host)
      : status.connection === 'offline'
        ? t.titleOffline(host)
        : status.connection === 'expired'
          ? t.headerExpired(host)
          : t.headerCertificate(host);
  return `${pageTitle} — ${suffix}`;
}
