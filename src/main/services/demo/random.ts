// Deterministic helpers for the generated datasets: a seeded PRNG, stable ids and UTC calendar arithmetic.
import { foldText } from '../../../shared/text';

/** A small seeded pseudo-random generator (mulberry32): same seed, same sequence, on every platform. */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max] (both included). */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** `count` distinct items (or all of them when fewer), in random order. */
  sample<T>(items: readonly T[], count: number): T[] {
    const copy = items.slice();
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy.slice(0, Math.min(count, copy.length));
  }
}

/** A seed derived from a string (FNV-1a), e.g. from the day the demo is built. */
export function seedFrom(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/** Ids shaped like `newId()`'s (`prefix_` + 12 base-36 characters) but drawn from their own seeded stream. */
export class IdFactory {
  private readonly rng: Rng;
  private readonly seen = new Set<string>();

  constructor(seed: number) {
    this.rng = new Rng(seed);
  }

  make(prefix: string): string {
    for (;;) {
      let s = '';
      for (let i = 0; i < 12; i++) s += ALPHABET[Math.floor(this.rng.next() * 36)];
      const id = `${prefix}_${s}`;
      if (!this.seen.has(id)) {
        this.seen.add(id);
        return id;
      }
    }
  }
}

const DAY_MS = 86_400_000;

/** Midnight UTC of the calendar day of `d`. */
export function utcDay(d: Date): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
}

export function addDays(d: Date, days: number): Date {
  return new Date(d.getTime() + days * DAY_MS);
}

export function daysBetween(a: Date, b: Date): number {
  return Math.round((b.getTime() - a.getTime()) / DAY_MS);
}

/** `YYYY-MM-DD` of a UTC date. */
export function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export function fromIso(iso: string): Date {
  return new Date(`${iso.slice(0, 10)}T00:00:00Z`);
}

/** An ISO timestamp on day `d` at `hh:mm` (UTC). */
export function stamp(d: Date, hh = 9, mm = 0): string {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), hh, mm)).toISOString();
}

/** The first day on or after `d` that falls on weekday `dow` (0 = Sunday … 6 = Saturday). */
export function onOrAfterWeekday(d: Date, dow: number): Date {
  return addDays(d, (dow - d.getUTCDay() + 7) % 7);
}

/** The n-th (1-based) weekday `dow` of a month. */
export function nthWeekdayOfMonth(year: number, month: number, dow: number, n: number): Date {
  return addDays(onOrAfterWeekday(new Date(Date.UTC(year, month, 1)), dow), (n - 1) * 7);
}

/** Moves a weekend day to the next Monday. */
export function weekday(d: Date): Date {
  const dow = d.getUTCDay();
  if (dow === 6) return addDays(d, 2);
  if (dow === 0) return addDays(d, 1);
  return d;
}

export const MONTHS_FR = [
  'janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre',
];

/** « décembre 2025 ». */
export function monthYear(d: Date): string {
  return `${MONTHS_FR[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/** `HH:MM` after adding minutes to a `HH:MM` time (capped at 23:59). */
export function addMinutes(hhmm: string, minutes: number): string {
  const [h, m] = hhmm.split(':').map(Number);
  const total = Math.min(23 * 60 + 59, h * 60 + m + minutes);
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

/** ASCII slug for e-mail addresses: « Anne-Laure Vidal » → « anne-laure.vidal ». */
export function emailLocal(first: string, last: string): string {
  const fold = (s: string) => foldText(s).replace(/[^a-z-]+/g, '');
  return `${fold(first)}.${fold(last)}`;
}
