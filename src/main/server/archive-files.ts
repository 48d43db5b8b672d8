// Closed strategy periods of the team server, materialised as the archive-<id>.json files the services read and write.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

interface Stamp {
  mtimeMs: number;
  size: number;
}

/** An archive file the services wrote during a request, to be stored with the request's commit. */
export interface ArchiveFile {
  name: string;
  payload: unknown;
}

/** A private folder holding the archives as files; what a request wrote is found by comparing stamps. */
export class ArchiveFiles {
  readonly dir = mkdtempSync(join(tmpdir(), 'clspd-team-'));

  /** Writes the archives read from the database (at load or catch-up). */
  set(rows: { file_name: string; payload: unknown }[]): void {
    if (!existsSync(this.dir)) mkdirSync(this.dir, { recursive: true });
    for (const r of rows) {
      if (!/^archive-[\w-]+\.json$/.test(r.file_name)) continue;
      writeFileSync(join(this.dir, r.file_name), typeof r.payload === 'string' ? r.payload : JSON.stringify(r.payload));
    }
  }

  /** The archives' stamps now, to compare after a request. */
  stamp(): Map<string, Stamp> {
    const m = new Map<string, Stamp>();
    for (const n of this.list()) {
      const st = statSync(join(this.dir, n));
      m.set(n, { mtimeMs: st.mtimeMs, size: st.size });
    }
    return m;
  }

  /** The archives written since `before` was taken. */
  changedSince(before: Map<string, Stamp>): ArchiveFile[] {
    const out: ArchiveFile[] = [];
    for (const [n, st] of this.stamp()) {
      const b = before.get(n);
      if (b && b.mtimeMs === st.mtimeMs && b.size === st.size) continue;
      out.push({ name: n, payload: JSON.parse(readFileSync(join(this.dir, n), 'utf8')) as unknown });
    }
    return out;
  }

  list(): string[] {
    return readdirSync(this.dir).filter((n) => n.startsWith('archive-') && n.endsWith('.json'));
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
