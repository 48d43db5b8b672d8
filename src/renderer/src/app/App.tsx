// Top-level gate: first run, recovery of a broken datastore, or the application frame.
import { Center, Loader } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useCallback, useEffect, useState } from 'react';
import type { AppState } from '../../../shared/contract/core';
import { fr } from '../../../shared/i18n';
import { api, useDataVersion } from '../api';
import { FirstRunScreen } from '../screens/setup/FirstRunScreen';
import { RecoveryScreen } from '../screens/setup/RecoveryScreen';
import { VaultGateScreen } from '../screens/vault/VaultGateScreen';
import { AppStateContext } from './appState';
import { Shell } from './Shell';

let syncedNoticeShown = false;

export function App() {
  const [state, setState] = useState<AppState>();
  const [failure, setFailure] = useState<string>();
  const version = useDataVersion();
  const refresh = useCallback(() => {
    api()
      .app.state()
      .then((r) => (r.ok ? setState(r.value) : setFailure(r.error.message)))
      .catch(() => setFailure(fr.errors.ipcFailed));
  }, []);
  useEffect(refresh, [refresh, version]);
  const warning = state?.warning;
  useEffect(() => {
    if (warning) notifications.show({ id: 'store-warning', color: 'orange', title: 'Sauvegarde', message: warning, autoClose: false, role: 'alert' });
  }, [warning]);
  const synced = state?.syncedFolder?.message;
  useEffect(() => {
    // Once per session, at start: Paramètres keeps showing it.
    if (!synced || syncedNoticeShown) return;
    syncedNoticeShown = true;
    notifications.show({ id: 'synced-folder', color: 'orange', title: fr.store.syncedFolder.title, message: synced, autoClose: false, role: 'alert' });
  }, [synced]);

  if (failure) return <RecoveryScreen message={failure} onRecovered={refresh} />;
  if (!state)
    return (
      <Center h="100%">
        <Loader aria-label="Chargement" />
      </Center>
    );
  if (state.status === 'broken') return <RecoveryScreen message={state.message ?? ''} dataDir={state.dataDir} onRecovered={refresh} />;
  if (state.status === 'empty') return <FirstRunScreen onDone={refresh} />;
  // The coffre comes first: created at first use (or after the update), unlocked while the update waits for it.
  if (state.vault && (state.vault.state === 'absent' || (state.vault.migrationPending && state.vault.state === 'locked')))
    return <VaultGateScreen status={state.vault} onDone={refresh} />;
  return (
    <AppStateContext.Provider value={{ state, refresh }}>
      <Shell />
    </AppStateContext.Provider>
  );
}
