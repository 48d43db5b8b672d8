// iCalendar (RFC 5545) invitations: one meeting or all upcoming meetings of an instance, Europe/Paris, stable UIDs.
import { sharingServices as ts } from '../../../shared/i18n/sharing-services';
import { sharing } from '../../../shared/i18n/sharing';
import type { Datastore, Instance, Meeting } from '../../../shared/model';
import { formatTime } from '../../../shared/format';
import { EMAIL_RE } from '../../../shared/text';
import { assertMayShare, CONFIDENTIAL_BANNER, instanceMap, isConfidentialMeeting, personName, requireInstance, requireMeeting, type ShareOptions } from './common';

const CRLF = '\r\n';
export const UID_DOMAIN = 'coordination-clspd';

const VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/Paris',
  'X-LIC-LOCATION:Europe/Paris',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

/** Escapes a TEXT value (RFC 5545 §3.3.11). */
export function escapeText(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
}

/** Quoted parameter value (CN=…): no DQUOTE allowed inside. */
function paramValue(s: string): string {
  return `"${s.replace(/"/g, "'").replace(/[\r\n]/g, ' ')}"`;
}

/** Folds a content line at 75 octets without splitting a UTF-8 character (RFC 5545 §3.1). */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let bytes = 0;
  let limit = 75;
  for (const ch of line) {
    const n = Buffer.byteLength(ch, 'utf8');
    if (bytes + n > limit) {
      out.push(current);
      current = ' ';
      bytes = 1;
      limit = 75;
    }
    current += ch;
    bytes += n;
  }
  out.push(current);
  return out.join(CRLF);
}

function localStamp(date: string, hhmm: string): string {
  return `${date.replace(/-/g, '')}T${hhmm.replace(':', '')}00`;
}

function utcStamp(d: Date): string {
  return d.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
}

function addMinutes(hhmm: string, minutes: number): { dayShift: number; time: string } {
  const [h, m] = hhmm.split(':').map(Number);
  const total = h * 60 + m + minutes;
  const dayShift = Math.floor(total / 1440);
  const t = total % 1440;
  return { dayShift, time: `${String(Math.floor(t / 60)).padStart(2, '0')}:${String(t % 60).padStart(2, '0')}` };
}

function endOf(m: Meeting): { date: string; time: string } {
  if (m.plannedEndTime && m.plannedEndTime > m.startTime) return { date: m.date, time: m.plannedEndTime };
  const planned = m.agenda.reduce((s, a) => s + a.durationMin, 0);
  const r = addMinutes(m.startTime, planned > 0 ? planned : 120);
  const d = new Date(`${m.date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + r.dayShift);
  return { date: d.toISOString().slice(0, 10), time: r.time };
}

/** SEQUENCE grows with each change of the meeting, so a re-export updates the event in the calendar. */
function sequenceOf(m: Meeting): number {
  const t = Date.parse(m.updatedAt);
  return Number.isFinite(t) ? Math.max(0, Math.floor((t - Date.UTC(2024, 0, 1)) / 1000)) : 0;
}

export interface Attendee {
  name: string;
  email: string;
}

/** Invitees who have an e-mail address, in invitation order. */
export function inviteeEmails(d: Datastore, m: Meeting): Attendee[] {
  const people = new Map(d.people.map((p) => [p.id, p]));
  const orgs = new Map(d.organisations.map((o) => [o.id, o]));
  const seen = new Set<string>();
  const out: Attendee[] = [];
  for (const inv of m.invitees) {
    let name = '';
    let email = '';
    if (inv.personId) {
      const p = people.get(inv.personId);
      if (p) {
        name = personName(p);
        email = p.email ?? '';
      }
    } else if (inv.guestEmail || inv.guestName) {
      name = inv.guestName ?? '';
      email = inv.guestEmail ?? '';
    }
    if (!email && inv.organisationId && !inv.personId) {
      const o = orgs.get(inv.organisationId);
      name = o?.name ?? name;
      email = o?.email ?? '';
    }
    email = email.trim();
    // Only a well-formed address reaches a To: header or an ATTENDEE line (no line break smuggled in from old data).
    if (!email || !EMAIL_RE.test(email) || seen.has(email.toLowerCase())) continue;
    seen.add(email.toLowerCase());
    out.push({ name, email });
  }
  return out;
}

function eventLines(d: Datastore, m: Meeting, instance: Instance | undefined, confidential: boolean, now: Date): string[] {
  const s = d.settings;
  const end = endOf(m);
  const lines = [
    'BEGIN:VEVENT',
    `UID:${m.id}@${UID_DOMAIN}`,
    `DTSTAMP:${utcStamp(now)}`,
    `SEQUENCE:${sequenceOf(m)}`,
    `DTSTART;TZID=Europe/Paris:${localStamp(m.date, m.startTime)}`,
    `DTEND;TZID=Europe/Paris:${localStamp(end.date, end.time)}`,
  ];
  const instanceName = instance?.name ?? '';
  if (confidential) {
    lines.push(`SUMMARY:${escapeText(`${sharing.confidentialFileTag} — ${sharing.ics.confidentialSummary(instanceName)}`)}`);
    lines.push(`DESCRIPTION:${escapeText(`${CONFIDENTIAL_BANNER}\n${sharing.ics.instance} : ${instanceName}`)}`);
    lines.push('CLASS:CONFIDENTIAL');
  } else {
    lines.push(`SUMMARY:${escapeText(`${s.councilAcronym} — ${m.title}`)}`);
    const desc: string[] = [`${sharing.ics.instance} : ${instanceName}`, `${formatTime(m.startTime)}`];
    const items = m.agenda.filter((a) => a.kind === 'item' || a.kind === 'section');
    if (items.length) {
      desc.push('', `${sharing.ics.agenda} :`);
      let n = 0;
      for (const a of items) desc.push(a.kind === 'section' ? a.title.toUpperCase() : `${++n}. ${a.title}${a.presenter ? ` (${a.presenter})` : ''}`);
    }
    if (m.visioUrl) desc.push('', `${sharing.ics.visio} : ${m.visioUrl}`);
    lines.push(`DESCRIPTION:${escapeText(desc.join('\n'))}`);
    lines.push(`CLASS:${m.confidentiality === 'public' ? 'PUBLIC' : 'PRIVATE'}`);
  }
  const location = m.place || (m.visioUrl ? `${sharing.ics.visio} : ${m.visioUrl}` : '');
  if (location) lines.push(`LOCATION:${escapeText(location)}`);
  if (m.visioUrl && /^https?:\/\//i.test(m.visioUrl)) lines.push(`URL:${m.visioUrl.replace(/[\r\n]/g, '')}`);
  // A confidential invitation gives date, place and instance only: not even who else is invited.
  if (s.coordinatorEmail && EMAIL_RE.test(s.coordinatorEmail.trim()) && !confidential) {
    lines.push(`ORGANIZER;CN=${paramValue(s.coordinatorName || s.councilAcronym)}:mailto:${s.coordinatorEmail.trim()}`);
    for (const a of inviteeEmails(d, m)) {
      lines.push(`ATTENDEE;CN=${paramValue(a.name || a.email)};ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:${a.email}`);
    }
  }
  lines.push('STATUS:CONFIRMED', 'TRANSP:OPAQUE', 'END:VEVENT');
  return lines;
}

function calendar(d: Datastore, events: string[][], name: string, confidential: boolean): string {
  const hasOrganizer = !!d.settings.coordinatorEmail && events.flat().some((l) => l.startsWith('ORGANIZER'));
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Coordination CLSPD//Partage//FR',
    'CALSCALE:GREGORIAN',
    ...(hasOrganizer ? ['METHOD:REQUEST'] : ['METHOD:PUBLISH']),
    `X-WR-CALNAME:${escapeText(confidential ? `${sharing.confidentialFileTag} — ${name}` : name)}`,
    'X-WR-TIMEZONE:Europe/Paris',
    ...VTIMEZONE,
    ...events.flat(),
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join(CRLF) + CRLF;
}

export interface IcsFile {
  text: string;
  confidential: boolean;
  count: number;
  /** Base of the suggested file name. */
  baseName: string;
}

/** The invitation of one meeting. A confidential meeting needs the explicit choice and gives date, place and instance only. */
export function meetingIcs(d: Datastore, meetingId: string, opts: ShareOptions, now: Date): IcsFile {
  const m = requireMeeting(d, meetingId);
  const inst = instanceMap(d);
  const confidential = isConfidentialMeeting(m, inst);
  assertMayShare(confidential, opts, ts.thisMeeting);
  const instance = inst.get(m.instanceId);
  return {
    text: calendar(d, [eventLines(d, m, instance, confidential, now)], instance?.name ?? m.title, confidential),
    confidential,
    count: 1,
    baseName: `${sharing.fileNames.invitation}-${m.date}`,
  };
}

/** All upcoming meetings (today or later) of one instance in one calendar file. */
export function instanceIcs(d: Datastore, instanceId: string, opts: ShareOptions, now: Date): IcsFile {
  const instance = requireInstance(d, instanceId);
  const inst = instanceMap(d);
  const today = now.toISOString().slice(0, 10);
  const upcoming = d.meetings.filter((m) => m.instanceId === instanceId && m.date >= today).sort((a, b) => (a.date < b.date ? -1 : 1));
  const confidential = instance.confidentiality === 'confidential' || upcoming.some((m) => isConfidentialMeeting(m, inst));
  assertMayShare(confidential, opts, ts.theInstance(instance.name));
  return {
    text: calendar(d, upcoming.map((m) => eventLines(d, m, instance, isConfidentialMeeting(m, inst), now)), instance.name, confidential),
    confidential,
    count: upcoming.length,
    baseName: `${sharing.fileNames.calendar}-${instance.name}`,
  };
}
