// Printable summary of a fuzz report: calls, time, and per channel how many calls got past validation and how they ended.
import { channelNames } from '../../src/shared/contract';
import { openBugs, type FuzzReport } from './run';

/** Channels never run past their schema in this report. */
export function unreached(report: FuzzReport): string[] {
  return channelNames.filter((c) => !report.stats[c]?.validated);
}

/** Channels whose handler never returned a successful result. */
export function neverOk(report: FuzzReport): string[] {
  return channelNames.filter((c) => !report.stats[c]?.ok);
}

export function formatReport(r: FuzzReport): string {
  const lines = [`${r.calls} appels en ${r.runs} exécutions, ${(r.ms / 1000).toFixed(1)} s (graine ${r.seed})`];
  lines.push('canal'.padEnd(30) + 'appels'.padStart(7) + 'validés'.padStart(9) + 'réussis'.padStart(9) + '  ms'.padStart(8) + '  refus');
  for (const c of channelNames) {
    const s = r.stats[c];
    if (!s) {
      lines.push(`${c.padEnd(30)}${'0'.padStart(7)}`);
      continue;
    }
    const refused = Object.entries(s.refused)
      .sort((a, b) => b[1] - a[1])
      .map(([code, n]) => `${code} ${n}`)
      .join(', ');
    lines.push(`${c.padEnd(30)}${String(s.calls).padStart(7)}${String(s.validated).padStart(9)}${String(s.ok).padStart(9)}${Math.round(s.ms).toString().padStart(8)}  ${refused}`);
  }
  const un = unreached(r);
  lines.push(un.length ? `Jamais validés : ${un.join(', ')}` : 'Chaque canal a été appelé au moins une fois au-delà de la validation.');
  for (const [bug, n] of Object.entries(openBugs)) lines.push(`Bogue connu non corrigé, rencontré ${n} fois : ${bug}`);
  const no = neverOk(r);
  if (no.length) lines.push(`Jamais réussis : ${no.join(', ')}`);
  return lines.join('\n');
}
