// The one allocator of « situation n° AAAA-NNN »: the séance's inserter and the register share it.
import type { ServiceContext } from '../context';
import { readIfUnlocked } from './common';

// References handed out but not used yet in this session, so two quick captures never get the same number.
const reserved = new WeakMap<object, Set<string>>();

/** Highest number used for the year by decisions, séance notes and the register (when unlocked). */
function highestUsed(ctx: ServiceContext, year: number, extra: Iterable<string>): number {
  const prefix = `${year}-`;
  let max = 0;
  const take = (ref: string) => {
    if (!ref.startsWith(prefix)) return;
    const n = Number(ref.slice(prefix.length));
    if (Number.isInteger(n) && n > max) max = n;
  };
  const re = new RegExp(`situation\\s*n°\\s*${year}-(\\d{3,4})`, 'gi');
  for (const m of ctx.store.data.meetings) {
    for (const d of m.decisions) if (d.situationRef) take(d.situationRef);
    if (m.date < `${year - 1}-01-01`) continue;
    for (const i of m.agenda) if (i.notes.includes(prefix)) for (const x of i.notes.matchAll(re)) take(`${prefix}${x[1]}`);
  }
  const vault = readIfUnlocked(ctx);
  if (vault) for (const s of vault.situations) take(s.reference);
  for (const r of extra) take(r);
  return max;
}

/** Next free reference for the year; reserved for this session so that it is never handed out twice. */
export function allocateSituationRef(ctx: ServiceContext, year = ctx.now().getFullYear()): string {
  let set = reserved.get(ctx.store);
  if (!set) reserved.set(ctx.store, (set = new Set()));
  const ref = `${year}-${String(highestUsed(ctx, year, set) + 1).padStart(3, '0')}`;
  set.add(ref);
  return ref;
}
