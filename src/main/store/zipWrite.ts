// Writes a zip from named byte entries with fflate's streaming API, in chunks: no recursion over the entries, no single huge call.
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';

export interface ZipEntry {
  name: string;
  data: Uint8Array;
  /** 0 stores the bytes as they are (encrypted files do not compress); 6 deflates. */
  level: 0 | 6;
}

/** Bytes handed to the compressor at a time (fflate works on each chunk, the output is collected as it comes). */
const CHUNK = 1024 * 1024;

/**
 * The zip of `entries`, in order, every entry dated `mtime`. The one-call `zipSync` walks its input as a tree
 * (anything that is not exactly a Uint8Array is taken for a folder and walked, which overflowed the stack in
 * `backups:create` during fuzzing); here each file is named explicitly and its bytes pushed in 1 MB chunks.
 */
export function zipEntries(entries: ZipEntry[], mtime: Date): Uint8Array {
  const out: Uint8Array[] = [];
  let total = 0;
  let failure: Error | null = null;
  let finished = false;
  const zip = new Zip((err, chunk, final) => {
    if (err) failure = err;
    else {
      out.push(chunk);
      total += chunk.length;
      if (final) finished = true;
    }
  });
  for (const e of entries) {
    const bytes = e.data instanceof Uint8Array && e.data.constructor === Uint8Array ? e.data : new Uint8Array(e.data.buffer, e.data.byteOffset, e.data.byteLength);
    const file = e.level === 0 ? new ZipPassThrough(e.name) : new ZipDeflate(e.name, { level: e.level });
    file.mtime = mtime;
    zip.add(file);
    if (bytes.length === 0) file.push(new Uint8Array(0), true);
    for (let at = 0; at < bytes.length; at += CHUNK) file.push(bytes.subarray(at, Math.min(bytes.length, at + CHUNK)), at + CHUNK >= bytes.length);
    if (failure) throw failure;
  }
  zip.end();
  if (failure) throw failure;
  if (!finished) throw new Error('zip not finished');
  const result = new Uint8Array(total);
  let offset = 0;
  for (const c of out) {
    result.set(c, offset);
    offset += c.length;
  }
  return result;
}
