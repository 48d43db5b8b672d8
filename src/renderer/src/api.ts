// Typed client over window.api: unwraps results, shows French errors, and tracks the honest save state.
import { notifications } from '@mantine/notifications';
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { Api } from '../../shared/contract';
import { common } from '../../shared/i18n/common';
import type { AppErrorInfo, Result } from '../../shared/result';

declare global {
  interface Window {
    api: Api;
  }
}

export const api = (): Api => window.api;

export class ApiError extends Error {
  constructor(readonly info: AppErrorInfo) {
    super(info.message);
  }
}

// ---- save state: « Enregistré » / « Enregistrement… » / « Non enregistré — voir » ----
type SaveState = { status: 'saved' | 'saving' | 'error'; message?: string };
let saveState: SaveState = { status: 'saved' };
let inFlight = 0;
const saveListeners = new Set<() => void>();
function setSaveState(s: SaveState) {
  saveState = s;
  for (const l of saveListeners) l();
}
export function useSaveState(): SaveState {
  return useSyncExternalStore(
    (l) => {
      saveListeners.add(l);
      return () => saveListeners.delete(l);
    },
    () => saveState,
  );
}

// ---- data change notifications: screens reload when another screen changed data ----
let version = 0;
const changeListeners = new Set<() => void>();
export function notifyDataChanged(): void {
  version++;
  for (const l of changeListeners) l();
}
export function useDataVersion(): number {
  return useSyncExternalStore(
    (l) => {
      changeListeners.add(l);
      return () => changeListeners.delete(l);
    },
    () => version,
  );
}

export interface CallOptions {
  /** The call changes data: drives the save indicator and refreshes screens. */
  mutation?: boolean;
  /** Show the error as a notification (default true). */
  notifyError?: boolean;
  /** Notification shown on success. */
  success?: string;
}

/** Awaits a window.api call; returns the value or throws ApiError after notifying the user in French. */
export async function call<T>(promise: Promise<Result<T>>, options: CallOptions = {}): Promise<T> {
  const { mutation = false, notifyError = true } = options;
  if (mutation) {
    inFlight++;
    setSaveState({ status: 'saving' });
  }
  let r: Result<T>;
  try {
    r = await promise;
  } catch {
    r = { ok: false, error: { code: 'internal', message: common.errors.ipcFailedRetry } };
  }
  if (mutation) inFlight--;
  if (!r.ok) {
    if (mutation) setSaveState({ status: 'error', message: r.error.message });
    if (notifyError && r.error.code !== 'invalid_input') {
      notifications.show({ color: 'red', title: common.errors.actionImpossible, message: r.error.message, autoClose: 8000, role: 'alert' });
    }
    throw new ApiError(r.error);
  }
  if (mutation) {
    if (inFlight === 0) setSaveState({ status: 'saved' });
    notifyDataChanged();
  }
  if (options.success) notifications.show({ color: 'teal', message: options.success });
  return r.value;
}

/** Loads data for a screen and reloads it whenever data changed anywhere in the app. */
export function useQuery<T>(load: () => Promise<Result<T>>, deps: unknown[]): {
  data: T | undefined;
  error: AppErrorInfo | undefined;
  loading: boolean;
  reload: () => void;
} {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<AppErrorInfo>();
  const [loading, setLoading] = useState(true);
  const v = useDataVersion();
  const [tick, setTick] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  useEffect(() => {
    let alive = true;
    setLoading(true);
    loadRef.current().then(
      (r) => {
        if (!alive) return;
        if (r.ok) {
          setData(r.value);
          setError(undefined);
        } else setError(r.error);
        setLoading(false);
      },
      () => {
        if (alive) {
          setError({ code: 'internal', message: common.errors.ipcFailed });
          setLoading(false);
        }
      },
    );
    return () => {
      alive = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- deps are the caller's
  }, [...deps, v, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data, error, loading, reload };
}
