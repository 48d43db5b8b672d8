// A dialog the address can open (?nouvelle=1, ?cellule=1 — the command palette's « Nouvelle … » entries): open when the screen
// starts with it, opened again whenever the address asks again, and closing it clears the address's parameters.
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';

export function useAddressDialog(param: string) {
  const [params, setParams] = useSearchParams();
  const [opened, setOpened] = useState(params.get(param) === '1');
  useEffect(() => {
    if (params.get(param) === '1') setOpened(true);
  }, [params, param]);
  return {
    opened,
    open: () => setOpened(true),
    close: () => {
      setOpened(false);
      setParams({});
    },
  };
}
