// The browser's entry to the team server: the session first (login, password change), then the app over HTTP.
import { Center, Loader } from '@mantine/core';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { fr } from '../../../shared/i18n';
import { ChangePasswordScreen, LoginScreen } from './LoginScreen';
import { watchRemoteChanges } from './freshness';
import { currentSession, logout, WebSessionContext } from './session';
import { onExpired, type SessionAccount } from './transport';
import { buildWebApi } from './webApi';

type Gate = { step: 'checking' } | { step: 'login'; notice?: string } | { step: 'password'; account: SessionAccount } | { step: 'in'; account: SessionAccount };

export function WebGate({ children }: { children: ReactNode }) {
  const [gate, setGate] = useState<Gate>({ step: 'checking' });
  const enter = useCallback((account: SessionAccount) => {
    if (account.mustChangePassword) return setGate({ step: 'password', account });
    window.api = buildWebApi();
    setGate({ step: 'in', account });
  }, []);
  useEffect(() => {
    currentSession().then(
      (a) => (a ? enter(a) : setGate({ step: 'login' })),
      () => setGate({ step: 'login', notice: fr.team.web.unreachable }),
    );
  }, [enter]);
  const signedIn = gate.step === 'in';
  useEffect(() => {
    if (!signedIn) return;
    const stopWatching = watchRemoteChanges();
    const off = onExpired(() => setGate({ step: 'login', notice: fr.team.web.expired }));
    return () => {
      stopWatching();
      off();
    };
  }, [signedIn]);
  const doLogout = useCallback(async () => {
    await logout();
    setGate({ step: 'login', notice: fr.team.web.loggedOut });
  }, []);

  switch (gate.step) {
    case 'checking':
      return (
        <Center h="100vh">
          <Loader aria-label={fr.a11y.loading} />
        </Center>
      );
    case 'login':
      return <LoginScreen notice={gate.notice} onLoggedIn={enter} />;
    case 'password':
      return <ChangePasswordScreen onDone={() => enter({ ...gate.account, mustChangePassword: false })} />;
    case 'in':
      return <WebSessionContext.Provider value={{ account: gate.account, logout: doLogout }}>{children}</WebSessionContext.Provider>;
  }
}
