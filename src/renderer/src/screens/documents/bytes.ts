// Normalises the PDF bytes returned by `documents:bytes` (Uint8Array over Electron IPC, other shapes over JSON bridges).
export function toBytes(v: unknown): Uint8Array {
  if (v instanceof Uint8Array) return v;
  if (v instanceof ArrayBuffer) return new Uint8Array(v);
  if (Array.isArray(v)) return Uint8Array.from(v as number[]);
  if (typeof v === 'string') return Uint8Array.from(atob(v), (c) => c.charCodeAt(0));
  if (v && typeof v === 'object') return Uint8Array.from(Object.values(v as Record<string, number>));
  return new Uint8Array();
}
