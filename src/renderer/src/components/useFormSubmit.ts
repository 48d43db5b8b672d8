// Form submission shared by every form: local French errors first, then the save, a server error shown next to its field.
import { useState } from 'react';
import { ApiError } from '../api';

export type FieldErrors = Record<string, string>;

export function useFormSubmit(fallbackField: string) {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  /** Shows `local` errors; when there are none, runs `save` and puts a refused save's message next to its field. */
  const run = async (local: FieldErrors, save: () => Promise<unknown>): Promise<void> => {
    setErrors(local);
    if (Object.keys(local).length) return;
    setBusy(true);
    try {
      await save();
    } catch (err) {
      if (err instanceof ApiError) setErrors({ [err.info.field?.split('.').pop() ?? fallbackField]: err.info.message });
    } finally {
      setBusy(false);
    }
  };
  return { errors, setErrors, busy, run };
}
