// Escape closes only the innermost layer: with a dialog open on top of another (a confirmation over a form, the palette over a dialog), only the top one closes.
import { spotlight } from '@mantine/spotlight';

const LAYERS = '.mantine-Modal-content[role="dialog"], .mantine-Spotlight-content[role="dialog"]';

/** The open dialog the user is in: the one holding the focus, else the last one opened (last in the page). */
function topmost(layers: HTMLElement[]): HTMLElement | undefined {
  const focused = document.activeElement;
  return layers.find((l) => focused instanceof Node && l.contains(focused)) ?? layers[layers.length - 1];
}

/**
 * Each Mantine modal closes itself on any Escape pressed in the window, so two stacked dialogs both closed at
 * once. This listener runs before theirs (installed before the app renders, on the window's capture phase): when
 * two or more dialogs are open it keeps the Escape from them and closes the top one only. An Escape meant for a
 * list or calendar open inside a dialog (marked data-mantine-stop-propagation) is left alone, as Mantine does.
 */
export function handleLayeredEscape(event: KeyboardEvent): void {
  if (event.key !== 'Escape' || event.isComposing || event.defaultPrevented) return;
  const target = event.target;
  if (target instanceof Element && target.getAttribute('data-mantine-stop-propagation') === 'true') return;
  const layers = Array.from(document.querySelectorAll<HTMLElement>(LAYERS));
  if (layers.length < 2) return;
  const top = topmost(layers);
  const palette = top?.classList.contains('mantine-Spotlight-content') ?? false;
  const close = top?.querySelector<HTMLButtonElement>('.mantine-Modal-close');
  if (!palette && !close) return;
  event.stopImmediatePropagation();
  event.preventDefault();
  if (palette) spotlight.close();
  else close!.click();
}

let installed = false;

/** Installs the listener once; call it before the first render so it runs ahead of every dialog's own. */
export function installEscapeLayers(): void {
  if (installed) return;
  installed = true;
  window.addEventListener('keydown', handleLayeredEscape, { capture: true });
}
