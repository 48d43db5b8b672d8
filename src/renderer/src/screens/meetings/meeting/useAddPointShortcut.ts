// Ctrl+Maj+P on a meeting's page: shows the Préparation step and opens « Ajouter un point » there (through ?point=nouveau).
import { useHotkeys } from '@mantine/hooks';
import type { SetURLSearchParams } from 'react-router';
import { ADD_POINT_PARAM, ADD_POINT_VALUE } from './steps';

/** The chord, as aria-keyshortcuts spells it. */
export const ADD_POINT_KEYS = 'Control+Shift+P';

export function useAddPointShortcut(locked: boolean, setParams: SetURLSearchParams): void {
  useHotkeys(
    [
      [
        'mod+shift+P',
        () => {
          // Not over another dialog (the point's own included: a second press would empty what is being typed).
          if (locked || document.querySelector('[role="dialog"]')) return;
          setParams({ etape: 'prep', [ADD_POINT_PARAM]: ADD_POINT_VALUE });
        },
        { preventDefault: true },
      ],
    ],
    // Also from a field of the page (the chord types nothing).
    [],
  );
}
