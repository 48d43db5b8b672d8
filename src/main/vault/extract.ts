// Taking the texts of confidential meetings out of a datastore or archive document (pure): what migration 1 → 2 does.
import type { PendingProtectedTexts } from '../../shared/model';

type Raw = Record<string, unknown>;
type PendingEntry = PendingProtectedTexts[number];

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/**
 * Empties the general notes, the agenda notes and the decision texts of every confidential meeting of `doc`
 * (a datastore or an archive file, any version) and returns them. Meetings keep their date, instance,
 * attendance and decisions (with an empty text). Never changes `doc` itself.
 */
export function extractConfidentialTexts(doc: Raw): { doc: Raw; texts: PendingProtectedTexts } {
  if (!Array.isArray(doc.meetings)) return { doc, texts: [] };
  const texts: PendingProtectedTexts = [];
  const meetings = (doc.meetings as unknown[]).map((m) => {
    if (typeof m !== 'object' || m === null) return m;
    const meeting = m as Raw;
    if (meeting.confidentiality !== 'confidential') return m;
    const entry: PendingEntry = { meetingId: str(meeting.id), meetingDate: str(meeting.date), generalNotes: str(meeting.generalNotes), agendaNotes: {}, decisionTexts: {} };
    const agenda = Array.isArray(meeting.agenda)
      ? (meeting.agenda as unknown[]).map((i) => {
          if (typeof i !== 'object' || i === null) return i;
          const item = i as Raw;
          if (str(item.notes)) entry.agendaNotes[str(item.id)] = str(item.notes);
          return { ...item, notes: '' };
        })
      : meeting.agenda;
    const decisions = Array.isArray(meeting.decisions)
      ? (meeting.decisions as unknown[]).map((x) => {
          if (typeof x !== 'object' || x === null) return x;
          const d = x as Raw;
          if (str(d.text)) entry.decisionTexts[str(d.id)] = str(d.text);
          return { ...d, text: '' };
        })
      : meeting.decisions;
    if (entry.generalNotes || Object.keys(entry.agendaNotes).length || Object.keys(entry.decisionTexts).length) texts.push(entry);
    return { ...meeting, generalNotes: '', agenda, decisions };
  });
  return { doc: { ...doc, meetings }, texts };
}

/** Migration 1 → 2 of a datastore or archive document: confidential texts wait in `pendingProtected`. */
export function moveConfidentialTextsAside(doc: Raw): Raw {
  const { doc: out, texts } = extractConfidentialTexts(doc);
  const already = Array.isArray(doc.pendingProtected) ? (doc.pendingProtected as PendingProtectedTexts) : [];
  const pending = [...already, ...texts];
  return pending.length ? { ...out, pendingProtected: pending } : out;
}

/** True when a document still holds texts of a confidential meeting in clear (a v2 document never should). */
export function holdsConfidentialTexts(doc: Raw): boolean {
  return extractConfidentialTexts(doc).texts.length > 0 || (Array.isArray(doc.pendingProtected) && doc.pendingProtected.length > 0);
}
