// The séance's keyboard shortcuts (listed in its « Raccourcis » panel), active in the notes too: previous/next, capture, check-in, reference, end, help.
import { useHotkeys } from '@mantine/hooks';

export interface LiveShortcutHandlers {
  step: (delta: number) => void;
  capture: (kind: 'decision' | 'action') => void;
  checkIn: () => void;
  insertRef: () => void;
  end: () => void;
  help: () => void;
}

export function useLiveShortcuts(h: LiveShortcutHandlers): void {
  const options = { preventDefault: true };
  useHotkeys(
    [
      ['alt+ArrowDown', () => h.step(1), options],
      ['alt+ArrowUp', () => h.step(-1), options],
      ['mod+D', () => h.capture('decision'), options],
      ['mod+shift+A', () => h.capture('action'), options],
      ['mod+P', () => h.checkIn(), options],
      ['mod+shift+R', () => h.insertRef(), options],
      ['mod+shift+F', () => h.end(), options],
      ['F1', () => h.help(), options],
    ],
    [],
  );
}
