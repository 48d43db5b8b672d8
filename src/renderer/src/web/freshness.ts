// Keeps a browser's screens current with colleagues' changes, without ever refreshing under a form being filled in.
import { notifyDataChanged } from '../api';
import { learnSeq, link, onRemoteChange, request } from './transport';

/** How often the browser asks whether someone else committed. */
const POLL_MS = 2_000;
let pending = false;
let timer: ReturnType<typeof setInterval> | undefined;

/**
 * Editing: a dialog is open or the focus is in a field. Refreshing then would leave the form on old values
 * while `seen` moved on, and a save could silently overwrite the colleague's change: wait instead (a save
 * made meanwhile is checked by the server against the older state, and refused as a conflict if needed).
 */
function editing(): boolean {
  if (document.querySelector('[role="dialog"]')) return true;
  const a = document.activeElement;
  if (!a) return false;
  return a.matches('input, textarea, select, [contenteditable="true"]');
}

function applyWhenIdle(): void {
  if (!pending || editing()) return;
  pending = false;
  link.seen = link.known;
  notifyDataChanged();
}

/** Starts watching (once logged in); returns the stop function. */
export function watchRemoteChanges(): () => void {
  const off = onRemoteChange(() => {
    pending = true;
    applyWhenIdle();
  });
  const tick = async () => {
    applyWhenIdle();
    try {
      const r = await request('GET', '/api/session');
      if (r.status === 401) for (const l of link.expiredListeners) l();
      if (!r.ok) return;
      const body = (await r.json()) as { seq?: number };
      if (typeof body.seq === 'number') learnSeq(body.seq, false);
    } catch {
      // Offline for a moment: the next tick tries again.
    }
  };
  timer = setInterval(() => void tick(), POLL_MS);
  const onFocusOut = () => setTimeout(applyWhenIdle, 0);
  document.addEventListener('focusout', onFocusOut);
  return () => {
    off();
    if (timer) clearInterval(timer);
    document.removeEventListener('focusout', onFocusOut);
    pending = false;
  };
}
