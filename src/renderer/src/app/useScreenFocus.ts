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
    let tries = 0;
    const settle = (): void => {
      const h1 = screenHeading();
      if (!h1) return;
      const title = fr.a11y.windowTitle((h1.textContent ?? '').trim() || fr.appName);
      if (document.title !== title) document.title = title;
      if (focused) return;
      // The palette that led here may still be fading out: wait for it (a dialog opened by the route
      // itself, « ?nouvelle=1 », keeps the focus and returns it to the heading when it closes).
      if (document.querySelector('[role="dialog"]') && ++tries < 8) return;
      focused = true;
      const active = document.activeElement;
      const main = document.getElementById(MAIN_ID);
      const screenFocusedItself = active && active !== document.body && main?.contains(active) && active.tagName !== 'A';
      if (!document.querySelector('[role="dialog"]') && !screenFocusedItself) h1.focus();
    };
    settle();
    const poll = window.setInterval(settle, 100);
    const stopPolling = window.setTimeout(() => window.clearInterval(poll), 3000);
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
