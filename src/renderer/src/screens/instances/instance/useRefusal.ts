// Instance page dialogs: runs a change and keeps the app's refusal (its message and the field it names) to show in the dialog.
import { useState } from 'react';
import { ApiError } from '../../../api';

export interface Refusal {
  field?: string;
  message: string;
}

export function useRefusal() {
  const [refusal, setRefusal] = useState<Refusal>();
  /** Runs `save`; a refusal is kept for the dialog to show. Resolves true once saved. */
  const attempt = async (save: () => Promise<unknown>): Promise<boolean> => {
    setRefusal(undefined);
    try {
      await save();
      return true;
    } catch (e) {
      if (e instanceof ApiError) setRefusal({ field: e.info.field, message: e.info.message });
      return false;
    }
  };
  return { refusal, setRefusal, attempt };
}
