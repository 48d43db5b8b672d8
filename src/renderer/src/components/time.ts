// Reading a time of day typed in French habits (« 9h30 », « 14 h 30 », « 0930 ») as the stored HH:MM; shared by every time field.
/** « 9h30 », « 9:30 », « 09h », « 0930 », « 14 h 30 » → `09:30`; undefined when not a time of day. */
export function parseTime(text: string): string | undefined {
  const t = text.trim().toLowerCase().replace(/\s+/g, '');
  const m = /^(\d{1,2})(?:[:h.](\d{2})?)?$/.exec(t) ?? /^(\d{2})(\d{2})$/.exec(t);
  if (!m) return undefined;
  const h = Number(m[1]);
  const min = m[2] === undefined ? 0 : Number(m[2]);
  if (h > 23 || min > 59) return undefined;
  return `${String(h).padStart(2, '0')}:${String(min).padStart(2, '0')}`;
}
