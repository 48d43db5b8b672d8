// The council's settings and active period, shared with every screen through a React context.
import { createContext, useContext } from 'react';
import type { AppState } from '../../../shared/contract/core';

export interface AppStateValue {
  state: AppState;
  refresh: () => void;
}

/** Provided by App once the datastore is open; read it with useAppState(). */
export const AppStateContext = createContext<AppStateValue | null>(null);

/** The council's settings and active period, for any screen. */
export function useAppState(): AppStateValue {
  const v = useContext(AppStateContext);
  if (!v) throw new Error('useAppState outside App');
  return v;
}
