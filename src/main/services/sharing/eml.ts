// E-mail draft (.eml, X-Unsent) of a meeting's convocation: MIME multipart, base64 parts, RFC 2047 headers.
import { sharingServices as ts } from '../../../shared/i18n/sharing-services';
import { randomBytes } from 'node:crypto';
import { formatLongDate, formatTime } from '../../../shared/format';
import { sharing } from '../../../shared/i18n/sharing';
import type { Datastore } from '../../../shared/model';
import { EMAIL_RE } from '../../../shared/text';
import { assertMayShare, instanceMap, isConfidentialMeeting, requireMeeting, type ShareOptions } from './common';
import { inviteeEmails, meetingIcs } from './ics';

const CRLF = '\r\n';

/** RFC 2047 encoded-word (UTF-8, base64) when the text is not plain ASCII; split to keep words short. */
export function encodeWord(s: string): string {
  if (/^[\x20-\x7e]*$/.test(s)) return s;
  const words: string[] = [];
  let chunk = '';
  for (const ch of s) {
    if (Buffer.byteLength(chunk + ch, 'utf8') > 45) {
      words.push(chunk);
      chunk = '';
    }
    chunk += ch;
  }
  if (chunk) words.push(chunk);
  return words.map((w) => `=?UTF-8?B?${Buffer.from(w, 'utf8').toString('base64')}?=`).join(`${CRLF} `);
}

/** A display name plus address, quoted or encoded as needed. */
function mailbox(name: string, email: string): string {
  if (!name) return `<${email}>`;
  const display = /^[\x20-\x7e]*$/.test(name) ? `"${name.replace(/["\\]/g, '')}"` : encodeWord(name);
  return `${display} <${email}>`;
}

function base64Lines(buf: Buffer): string {
  return (buf.toString('base64').match(/.{1,76}/g) ?? []).join(CRLF);
}

/** Filename parameter: ASCII fallback plus the RFC 2231 UTF-8 form. */
function fileParams(name: string): string {
  const ascii = name.normalize('NFD').replace(/[^\x20-\x7e]/g, '').replace(/["\\]/g, '');
  const star = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `filename="${ascii}"; filename*=UTF-8''${star}`;
}

export interface EmlAttachment {
  name: string;
  contentType: string;
  data: Buffer;
}

export interface EmlDraft {
  text: string;
  to: string[];
  subject: string;
  attachments: string[];
  confidential: boolean;
  baseName: string;
}

/**
 * Builds the convocation e-mail of a meeting, addressed to its invitees, with the .ics (and the convocation PDF
 * when given). A confidential meeting needs the explicit choice and its body never shows the agenda.
 */
export function buildEml(d: Datastore, meetingId: string, opts: ShareOptions, now: Date, convocationPdf?: Buffer): EmlDraft {
  const m = requireMeeting(d, meetingId);
  const inst = instanceMap(d);
  const confidential = isConfidentialMeeting(m, inst);
  assertMayShare(confidential, opts, ts.thisMeeting);
  const s = d.settings;
  const instance = inst.get(m.instanceId);
  const to = inviteeEmails(d, m);
  const date = formatLongDate(m.date);
  const time = formatTime(m.startTime);
  const place = m.place ?? '';
  const subjectTitle = confidential ? (instance?.name ?? m.title) : m.title;
  const subject = `${confidential ? `${sharing.confidentialFileTag} — ` : ''}${sharing.email.subject(s.councilAcronym, subjectTitle, date)}`;

  const ics = meetingIcs(d, meetingId, opts, now);
  const icsName = `${confidential ? `${sharing.confidentialFileTag}-` : ''}${ics.baseName}.ics`;
  const attachments: EmlAttachment[] = [];
  if (convocationPdf) attachments.push({ name: `convocation-${m.date}.pdf`, contentType: 'application/pdf', data: convocationPdf });
  attachments.push({ name: icsName, contentType: 'text/calendar; charset=UTF-8; method=REQUEST', data: Buffer.from(ics.text, 'utf8') });

  const body: string[] = [sharing.email.greeting, ''];
  if (confidential) {
    body.push(sharing.email.confidentialBody(instance?.name ?? '', date, time, place));
  } else {
    body.push(sharing.email.body(m.title, date, time, place));
    const items = m.agenda.filter((a) => a.kind === 'item');
    if (items.length) {
      body.push('', sharing.email.agendaIntro);
      items.forEach((a, i) => body.push(`${i + 1}. ${a.title}`));
    }
  }
  if (m.visioUrl) body.push('', sharing.email.visio(m.visioUrl));
  body.push('', sharing.email.closing);
  const listed = [convocationPdf ? sharing.email.convocationFile : '', sharing.email.invitationFile].filter(Boolean).join(', ');
  body.push('', sharing.email.attachments(listed));
  if (!convocationPdf) body.push(sharing.email.noConvocation);
  body.push('', sharing.email.regards, '', s.coordinatorName, `Coordination du ${s.councilAcronym} — ${s.communeName}`);
  if (s.coordinatorPhone) body.push(s.coordinatorPhone);
  if (s.coordinatorEmail) body.push(s.coordinatorEmail);

  const boundary = `----=_clspd_${randomBytes(12).toString('hex')}`;
  const headers = [
    'X-Unsent: 1',
    ...(s.coordinatorEmail && EMAIL_RE.test(s.coordinatorEmail.trim()) ? [`From: ${mailbox(s.coordinatorName, s.coordinatorEmail.trim())}`] : []),
    `To: ${to.map((a) => mailbox(a.name, a.email)).join(`,${CRLF} `)}`,
    `Subject: ${encodeWord(subject)}`,
    `Date: ${now.toUTCString().replace('GMT', '+0000')}`,
    'MIME-Version: 1.0',
    ...(confidential ? ['Sensitivity: Company-Confidential', `X-CLSPD-Classification: ${encodeWord(sharing.confidentialBanner)}`] : []),
    `Content-Type: multipart/mixed; boundary="${boundary}"`,
  ];
  const parts: string[] = [
    [`--${boundary}`, 'Content-Type: text/plain; charset=UTF-8', 'Content-Transfer-Encoding: base64', '', base64Lines(Buffer.from(body.join(CRLF), 'utf8'))].join(CRLF),
    ...attachments.map((a) =>
      [`--${boundary}`, `Content-Type: ${a.contentType}; name="${a.name.normalize('NFD').replace(/[^\x20-\x7e]/g, '')}"`, 'Content-Transfer-Encoding: base64', `Content-Disposition: attachment; ${fileParams(a.name)}`, '', base64Lines(a.data)].join(CRLF),
    ),
  ];
  const text = `${headers.join(CRLF)}${CRLF}${CRLF}${parts.join(CRLF)}${CRLF}--${boundary}--${CRLF}`;
  return { text, to: to.map((a) => a.email), subject, attachments: attachments.map((a) => a.name), confidential, baseName: `${sharing.fileNames.email}-${m.date}` };
}
