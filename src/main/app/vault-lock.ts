// Electron edge of the protected store: lock it when the operating system's session locks or the computer sleeps.
import type { PowerMonitor } from 'electron';

/** Calls `lock` on the session-lock and suspend events; returns a function removing the listeners. */
export function installVaultLock(powerMonitor: Pick<PowerMonitor, 'on' | 'removeListener'>, lock: () => void): () => void {
  const handler = () => lock();
  powerMonitor.on('lock-screen', handler);
  powerMonitor.on('suspend', handler);
  return () => {
    powerMonitor.removeListener('lock-screen', handler);
    powerMonitor.removeListener('suspend', handler);
  };
}
