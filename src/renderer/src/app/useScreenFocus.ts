// After each navigation: name the window after the screen's h1 and move the keyboard focus to that heading (WCAG 2.4.2, 2.4.3).
import { useEffect } from 'react';
import { useLocation } from 'react-router';
import { fr } from '../../../shared/i18n';

/** Where the screens render; the skip link and the focus move both target it. */
export const MAIN_ID = 'contenu';

/** The screen's h1, made focusable by script only (it is not a control). */
export function screenHeading(): HTMLElement | null {
  const h1 = document.querySelector<HTMLElement>(`#${MAIN_ID} h1`);
  if (h1 && !h1.hasAttribute('tabindex')) h1.setAttribute('tabindex', '-1');
  return h1;
}

/** Moves focus to the screen heading, or to the main region while the screen is still loading. */
export function focusScreen(): void {
  const target = screenHeading() ?? document.getElementById(MAIN_ID);
  target?.focus({ preventScroll: false });
}

/**
 * On a change of route (not of query string: tabs and filters keep their focus), waits for the new screen's
 * h1 (screens load their data first), titles the window after it and focuses it — unless a dialog opened by
 * the route (« ?nouvelle=1 ») or a field the screen focused itself already holds the focus.
 */
export function useScreenFocus(): void {
  const { pathname } = useLocation();
  useEffect(() => {
    let focused = false;
    const settle = (): void => {
      const h1 = screenHeading();
      if (!h1) return;
      const title = fr.a11y.windowTitle((h1.textContent ?? '').trim() || fr.appName);
      if (document.title !== title) document.title = title;
      if (focused) return;
      // A dialog still on screen is the palette that led here fading out (slow under load: wait for it as long
      // as it takes, giving up would leave the focus on <body>), or one opened by the route itself
      // (« ?nouvelle=1 ») that holds the focus: the heading takes it once no dialog is left.
      if (document.querySelector('[role="dialog"]')) return;
      focused = true;
      const active = document.activeElement;
      const main = document.getElementById(MAIN_ID);
      const screenFocusedItself = active && active !== document.body && main?.contains(active) && active.tagName !== 'A';
      if (!screenFocusedItself) h1.focus();
    };
    settle();
    const poll = window.setInterval(settle, 100);
    const stopPolling = window.setTimeout(() => window.clearInterval(poll), 10_000);
    // Keeps the window title in step with the heading (a record renamed, a screen that loads its data).
    const observer = new MutationObserver(settle);
    const main = document.getElementById(MAIN_ID);
    if (main) observer.observe(main, { childList: true, subtree: true, characterData: true });
    return () => {
      observer.disconnect();
      window.clearInterval(poll);
      window.clearTimeout(stopPolling);
    };
  }, [pathname]);
}
