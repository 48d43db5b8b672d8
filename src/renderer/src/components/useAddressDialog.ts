// A dialog the address can open (?nouvelle=1, ?cellule=1 — the command palette's « Nouvelle … » entries): open when the screen
// starts with it, opened again whenever the address asks again, and closing it clears the address's parameters. These dialogs
// create something: never opened for an account that may only read.
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useAccess } from '../app/access';

export function useAddressDialog(param: string) {
  const [params, setParams] = useSearchParams();
  const { canEdit } = useAccess();
  const [opened, setOpened] = useState(params.get(param) === '1');
  useEffect(() => {
    if (params.get(param) === '1') setOpened(true);
  }, [params, param]);
  return {
    opened: canEdit && opened,
    open: () => setOpened(canEdit),
    close: () => {
      setOpened(false);
      setParams({});
    },
  };
}
