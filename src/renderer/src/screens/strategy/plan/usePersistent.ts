// State remembered in localStorage (the plan's filters and view), merged over the defaults when read back.
import { useCallback, useState } from 'react';

export function usePersistent<T>(key: string, initial: T): [T, (v: T) => void] {
  const [v, setV] = useState<T>(() => {
    try {
      const raw = localStorage.getItem(key);
      return raw ? ({ ...initial, ...JSON.parse(raw) } as T) : initial;
    } catch {
      return initial;
    }
  });
  const set = useCallback(
    (next: T) => {
      setV(next);
      try {
        localStorage.setItem(key, JSON.stringify(next));
      } catch {
        // storage full or disabled: filters are simply not remembered
      }
    },
    [key],
  );
  return [v, set];
}
