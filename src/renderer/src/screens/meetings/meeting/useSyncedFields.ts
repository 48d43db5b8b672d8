// Form values that follow the saved record: a change saved elsewhere (a colleague in team mode) replaces the fields not being edited here.
import { useEffect, useRef, useState, type Dispatch, type SetStateAction } from 'react';

type Fields = Record<string, string>;

/**
 * The next form values once the saved record went from `before` to `saved`: a field still showing its old
 * saved value takes the new one; a field the user changed keeps what they typed.
 */
export function mergeSaved<F extends Fields>(current: F, before: F, saved: F): F {
  const next = { ...current };
  for (const k of Object.keys(saved) as (keyof F)[]) if (current[k] === before[k]) next[k] = saved[k];
  return next;
}

/** Local form state seeded from `saved` and kept in step with it (see mergeSaved) instead of overwriting it on blur. */
export function useSyncedFields<F extends Fields>(saved: F): [F, Dispatch<SetStateAction<F>>] {
  const [fields, setFields] = useState(saved);
  const lastSaved = useRef(saved);
  const savedKey = Object.values(saved).join('\u0000');
  useEffect(() => {
    const before = lastSaved.current;
    lastSaved.current = saved;
    setFields((cur) => mergeSaved(cur, before, saved));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `saved` is rebuilt each render; its values are the key
  }, [savedKey]);
  return [fields, setFields];
}
