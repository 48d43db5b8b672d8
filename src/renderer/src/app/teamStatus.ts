// The desktop's team connection as the screens see it: polled from the main process (a local call), shared by all readers.
import { useSyncExternalStore } from 'react';
import type { TeamStatus } from '../../../shared/contract/team';
import { api } from '../api';

const POLL_MS = 2_000;
let current: TeamStatus | undefined;
let timer: ReturnType<typeof setInterval> | undefined;
const listeners = new Set<() => void>();

async function refresh(): Promise<void> {
  try {
    const r = await api().team.status();
    // Where no team mode exists (browser harness, team server), the channel is refused: nothing is shown.
    const next = r.ok ? r.value : undefined;
    if (JSON.stringify(next) === JSON.stringify(current)) return;
    current = next;
    for (const l of listeners) l();
  } catch {
    // The next poll tries again.
  }
}

/** Asks again now (after connecting, disconnecting or a refused edit). */
export function refreshTeamStatus(): Promise<void> {
  return refresh();
}

export function useTeamStatus(): TeamStatus | undefined {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      if (!timer) {
        void refresh();
        timer = setInterval(() => void refresh(), POLL_MS);
      }
      return () => {
        listeners.delete(l);
        if (listeners.size === 0 && timer) {
          clearInterval(timer);
          timer = undefined;
        }
      };
    },
    () => current,
  );
}

/** The host shown in the title bar and the banner (« clspd.mairie.fr »). */
export function hostOf(server: string | undefined): string {
  try {
    return server ? new URL(server).host : '';
  } catch {
    return server ?? '';
  }
}
