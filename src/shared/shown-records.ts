// Team mode's conflict check per record: the state (commit number) at which a client last showed each record, sent
// with an edit for the records it names, so the server can refuse an edit of a record a colleague changed since.
// Used by the browser's transport, the desktop's team client and (parsing) the server.

/** Request header: `id=seq,id=seq` for the records the edit names that this client has shown. */
export const VERSIONS_HEADER = 'X-Clspd-Versions';

/** Ids that travel in the header as they are; any other record falls back to the last state seen (X-Clspd-Seen). */
const SAFE_ID = /^[\w.-]{1,64}$/;
const MAX_SENT = 64;
const MAX_DEPTH = 8;

/** The ids of the records an answer shows: every string `id` of its objects. */
export function shownIds(value: unknown, out: string[] = [], depth = 0): string[] {
  if (depth > MAX_DEPTH || value === null || typeof value !== 'object') return out;
  if (Array.isArray(value)) {
    for (const v of value) shownIds(v, out, depth + 1);
    return out;
  }
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (k === 'id' && typeof v === 'string') out.push(v);
    else if (v !== null && typeof v === 'object') shownIds(v, out, depth + 1);
  }
  return out;
}

/** Every string of an edit's input (ids it names: `id`, `meetingId`, `actionId`…). */
function namedStrings(value: unknown, out: Set<string>, depth = 0): Set<string> {
  if (typeof value === 'string') out.add(value);
  else if (depth <= MAX_DEPTH && value !== null && typeof value === 'object') {
    for (const v of Array.isArray(value) ? value : Object.values(value as Record<string, unknown>)) namedStrings(v, out, depth + 1);
  }
  return out;
}

export class ShownRecords {
  private readonly versions = new Map<string, number>();
  constructor(private readonly max = 50_000) {}

  /**
   * The records of an answer were shown as of commit `seq`. `keepShown`: a record already shown keeps its older
   * version (the screens still show a colleague's change as not yet displayed; better a conflict than an overwrite).
   */
  record(answer: unknown, seq: number, keepShown = false): void {
    if (!Number.isSafeInteger(seq)) return;
    for (const id of shownIds(answer)) {
      if (keepShown && this.versions.has(id)) continue;
      this.versions.delete(id);
      this.versions.set(id, seq);
    }
    for (const oldest of this.versions.keys()) {
      if (this.versions.size <= this.max) break;
      this.versions.delete(oldest);
    }
  }

  version(id: string): number | undefined {
    return this.versions.get(id);
  }

  /** The header for an edit: the versions of the shown records its input names (undefined when none). */
  header(input: unknown): string | undefined {
    const parts: string[] = [];
    for (const s of namedStrings(input, new Set())) {
      const v = this.versions.get(s);
      if (v !== undefined && SAFE_ID.test(s)) parts.push(`${s}=${v}`);
      if (parts.length >= MAX_SENT) break;
    }
    return parts.length ? parts.join(',') : undefined;
  }

  clear(): void {
    this.versions.clear();
  }
}

/** The server's reading of the header (malformed parts ignored). */
export function parseVersions(header: unknown): Map<string, number> | undefined {
  if (typeof header !== 'string' || header.length > 8_000) return undefined;
  const out = new Map<string, number>();
  for (const part of header.split(',').slice(0, MAX_SENT)) {
    const m = /^([\w.-]{1,64})=(\d{1,15})$/.exec(part.trim());
    if (m) out.set(m[1]!, Number(m[2]));
  }
  return out.size ? out : undefined;
}
