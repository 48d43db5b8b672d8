// Keeps the keyboard focus in a list when a row disappears (deleted, archived, moved, filtered out) or comes back (undo).
//
// Lists mark themselves with data attributes (spread `rowList(name)` on the container, `rowKey(id)` on each row,
// `rowFallback(name)` on the list's heading or « add » button): one watcher, installed once, sees the focused
// control vanish with its row and moves the focus to the next row's equivalent control, else the previous row's,
// else the fallback — never to <body>. `deleteWithUndo` remembers the row so that the undo puts the focus back on it.

const LIST = 'data-row-list';
const KEY = 'data-row-key';
const FALLBACK = 'data-row-fallback';

/** Spread on the element that holds a list's rows. */
export const rowList = (name: string) => ({ [LIST]: name });
/** Spread on each row (the record's id: stable across reloads and undo). */
export const rowKey = (key: string) => ({ [KEY]: key });
/** Spread on the heading or « add » button that takes the focus when the list's last row goes. */
export const rowFallback = (name: string) => ({ [FALLBACK]: name });

/** Where a focused control sat: its list, its row, the rows around it (in order of preference) and its rank in the row. */
export interface RowPlace {
  list: string;
  key: string;
  /** Keys of the rows after it, nearest first. */
  after: string[];
  /** Keys of the rows before it, nearest first. */
  before: string[];
  /** Rank of the control among the row's own controls … */
  control: number;
  /** … and how many the row had: a row with more or fewer (an extra choice, a button less) is matched from the end when the control sat in the row's second half (its « Supprimer » button). */
  of: number;
  /** The place of the row itself when its list sits inside a row of an outer list (members grouped by institution). */
  parent: RowPlace | null;
  /** The screen (route) it was on: once the screen changed, the new screen's own focus handling (useScreenFocus) rules. */
  screen: string;
}

const NOTIFICATIONS = '.mantine-Notifications-root';
/** Layers (dialogs, menus, lists of choices, anything in a portal) give the focus back to the control that opened them. */
const LAYER = '[role="dialog"], [role="menu"], [role="listbox"], [data-portal]';

/** The control focused last outside any layer (its row place, if any): where a layer gives the focus back. */
let opener: { el: Element; place: RowPlace | null; screen: string } | null = null;
/** The element focused last, and whether it sat in a layer (known only while it is in the page). */
let lastFocused: { el: Element; inLayer: boolean } | null = null;

/** The route of the screen shown (HashRouter), without its query string (tabs and filters stay on the same screen). */
const currentScreen = () => window.location.hash.split('?')[0] ?? '';
const quote = (value: string) => `"${value.replace(/["\\]/g, '\\$&')}"`;
const listOf = (el: Element) => el.parentElement?.closest(`[${LIST}]`) ?? null;

/** The rows that belong to a list itself (not to a list nested in one of its rows). */
function rowsOf(list: Element): Element[] {
  return Array.from(list.querySelectorAll(`[${KEY}]`)).filter((r) => listOf(r) === list);
}

const disabled = (el: HTMLElement) => (el as HTMLButtonElement).disabled === true;

/**
 * The row's own controls (a nested list's rows have their own), disabled ones included: rows drawn from the same
 * template then line up rank for rank even when « Monter » is disabled on the first row only.
 */
function slotsOf(row: Element): HTMLElement[] {
  const candidates = Array.from(row.querySelectorAll<HTMLElement>('a[href], button, input:not([type="hidden"]), select, textarea, [tabindex]'));
  return candidates.filter((el) => (el.tabIndex >= 0 || disabled(el)) && !el.closest('[hidden], [inert]') && el.closest(`[${KEY}]`) === row);
}

/** The place of a control inside a marked row, or null when it is not in one. */
export function placeOf(el: Element | null): RowPlace | null {
  const row = el?.closest(`[${KEY}]`);
  const list = row ? listOf(row) : null;
  if (!el || !row || !list) return null;
  const rows = rowsOf(list);
  const at = rows.indexOf(row);
  const keys = rows.map((r) => r.getAttribute(KEY) ?? '');
  const slots = slotsOf(row);
  const control = Math.max(0, slots.findIndex((c) => c === el || c.contains(el)));
  const parent = placeOf(list);
  return { list: list.getAttribute(LIST) ?? '', key: keys[at] ?? '', after: keys.slice(at + 1), before: keys.slice(0, at).reverse(), control, of: slots.length, parent, screen: currentScreen() };
}

function findList(name: string): Element | null {
  return document.querySelector(`[${LIST}=${quote(name)}]`);
}

function findRow(list: Element, key: string): Element | null {
  return rowsOf(list).find((r) => r.getAttribute(KEY) === key) ?? null;
}

/**
 * Focuses the row's control of the same rank — if that one is disabled, the nearest enabled one after it, else
 * before it; the last one if the row has fewer — else the row itself when it takes the focus.
 */
function focusInRow(row: Element, place: Pick<RowPlace, 'control' | 'of'>): boolean {
  const slots = slotsOf(row);
  const fromEnd = slots.length !== place.of && place.control >= place.of / 2;
  const rank = Math.max(0, Math.min(fromEnd ? slots.length - (place.of - place.control) : place.control, slots.length - 1));
  const order = [...slots.slice(rank), ...slots.slice(0, Math.max(rank, 0)).reverse()];
  const target = order.find((el) => !disabled(el)) ?? (row instanceof HTMLElement && row.tabIndex >= 0 ? row : undefined);
  if (!target) return false;
  target.focus();
  return document.activeElement === target;
}

function focusFallback(name: string): boolean {
  const target = document.querySelector<HTMLElement>(`[${FALLBACK}=${quote(name)}]`);
  if (!target) return false;
  if (target.tabIndex < 0 && !target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
  target.focus();
  return document.activeElement === target;
}

/**
 * Puts the focus back near a place: on the same row if it is still (or again) there, else on the next row, else on
 * the previous one, else on the list's fallback. Returns false (focus untouched) when the screen changed or the list
 * and its fallback are both gone: the screen's own focus handling takes over.
 */
export function focusNear(place: RowPlace): boolean {
  if (place.screen !== currentScreen()) return false;
  const list = findList(place.list);
  if (list) {
    for (const key of [place.key, ...place.after, ...place.before]) {
      const row = findRow(list, key);
      if (row && focusInRow(row, place)) return true;
    }
  }
  return focusFallback(place.list) || (place.parent !== null && focusAcross(place.parent, place));
}

/**
 * The whole inner list went (the last member of an institution): the equivalent control in the first row of the
 * next outer row's inner list, else in the last row of the previous one's; an outer row without inner rows gets
 * its own first control; then the outer list's fallback, and so on outwards.
 */
function focusAcross(outer: RowPlace, inner: RowPlace): boolean {
  const list = findList(outer.list);
  const candidates = [...[outer.key, ...outer.after].map((key) => ({ key, first: true })), ...outer.before.map((key) => ({ key, first: false }))];
  for (const { key, first } of candidates) {
    const row = list ? findRow(list, key) : null;
    if (!row) continue;
    const nested = Array.from(row.querySelectorAll(`[${KEY}]`));
    const target = first ? nested[0] : nested[nested.length - 1];
    if (target ? focusInRow(target, inner) : focusInRow(row, { control: 0, of: slotsOf(row).length })) return true;
  }
  return focusFallback(outer.list) || (outer.parent !== null && focusAcross(outer.parent, inner));
}

/** Resolves with the row once it is in the page (after an undo), or null after `timeoutMs`. */
export function whenRowShown(place: RowPlace, timeoutMs = 5000): Promise<Element | null> {
  const find = () => {
    const list = findList(place.list);
    return list ? findRow(list, place.key) : null;
  };
  const now = find();
  if (now) return Promise.resolve(now);
  return new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      const row = find();
      if (row) finish(row);
    });
    const timer = window.setTimeout(() => finish(null), timeoutMs);
    function finish(row: Element | null) {
      observer.disconnect();
      window.clearTimeout(timer);
      resolve(row);
    }
    observer.observe(document.body, { childList: true, subtree: true });
  });
}

/** After an undo: once the row is back, the focus goes onto it (unless the user has moved it elsewhere meanwhile). */
export async function focusRestoredRow(place: RowPlace, timeoutMs?: number): Promise<void> {
  await whenRowShown(place, timeoutMs);
  const active = document.activeElement;
  if (active && active !== document.body && !active.closest(NOTIFICATIONS)) return;
  focusNear(place);
}

/**
 * The row place of the focused control — or, while a menu or dialog opened from a row holds the focus (« Supprimer »
 * chosen in a row's menu), of the row control that opened it.
 */
export function focusedPlace(): RowPlace | null {
  const active = document.activeElement;
  return placeOf(active) ?? (active?.closest(LAYER) && opener?.el.isConnected ? opener.place : null);
}

/** The undo button takes the focus back to the restored row itself: the watcher must not move it meanwhile. */
export function forgetFocusedRow(): void {
  opener = null;
}

function onFocusIn(event: FocusEvent): void {
  const target = event.target;
  if (!(target instanceof Element)) return;
  const inLayer = target.closest(LAYER) !== null;
  lastFocused = { el: target, inLayer };
  if (target.closest(NOTIFICATIONS)) opener = null;
  else if (!inLayer) opener = { el: target, place: placeOf(target), screen: currentScreen() };
}

/**
 * The focused element has just left the page and the focus fell to <body> (not a click on the page's background:
 * that element would still be there). A row control: the focus goes near its row. A layer (a dialog closed after
 * the menu item that opened it went, the move dialog of a fiche): back to the control that opened the layer, or
 * near its row if that one went too — on the same screen only.
 */
function onMutation(): void {
  if (!lastFocused || lastFocused.el.isConnected) return;
  const active = document.activeElement;
  if (active && active !== document.body) return;
  const { inLayer } = lastFocused;
  lastFocused = null;
  const from = opener;
  if (!from || from.screen !== currentScreen()) return;
  if (!from.el.isConnected) {
    if (from.place) focusNear(from.place);
  } else if (inLayer && from.el instanceof HTMLElement) from.el.focus();
}

let uninstall: (() => void) | null = null;

/** Installs the watcher once for the window (returns its removal, for tests). */
export function installRowFocus(): () => void {
  if (uninstall) return uninstall;
  const observer = new MutationObserver(onMutation);
  observer.observe(document.body, { childList: true, subtree: true });
  document.addEventListener('focusin', onFocusIn, true);
  uninstall = () => {
    observer.disconnect();
    document.removeEventListener('focusin', onFocusIn, true);
    opener = null;
    lastFocused = null;
    uninstall = null;
  };
  return uninstall;
}
