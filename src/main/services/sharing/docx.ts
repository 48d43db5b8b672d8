// Editable minutes as DOCX: compte rendu, or relevé de décisions without notes for a confidential meeting.
import { documents } from '../../../shared/i18n/documents';
import { AlignmentType, Document, Footer, Header, HeadingLevel, Packer, Paragraph, ShadingType, TextRun } from 'docx';
import { common } from '../../../shared/i18n/common';
import { formatLongDate, formatShortDate, formatTime } from '../../../shared/format';
import { sharing } from '../../../shared/i18n/sharing';
import type { Datastore, Meeting } from '../../../shared/model';
import { personLabel } from '../../../shared/text';
import { CONFIDENTIAL_BANNER, instanceMap, isConfidentialMeeting, requireMeeting } from './common';

const T = sharing.minutes;

function attendeeLabel(d: Datastore, m: Meeting, inviteeId: string): string {
  const inv = m.invitees.find((i) => i.id === inviteeId);
  if (!inv) return '';
  const p = inv.personId ? d.people.find((x) => x.id === inv.personId) : undefined;
  const orgId = inv.organisationId ?? p?.organisationId;
  const o = orgId ? d.organisations.find((x) => x.id === orgId) : undefined;
  const name = p ? personLabel(p) : (inv.guestName ?? '');
  const org = o?.name ?? inv.guestOrganisation ?? '';
  const job = p?.jobTitle ?? inv.guestJobTitle;
  return [name, job, org].filter(Boolean).join(', ');
}

function para(text: string, opts: { bold?: boolean; italic?: boolean; heading?: (typeof HeadingLevel)[keyof typeof HeadingLevel]; bullet?: boolean } = {}): Paragraph {
  return new Paragraph({
    heading: opts.heading,
    bullet: opts.bullet ? { level: 0 } : undefined,
    children: [new TextRun({ text, bold: opts.bold, italics: opts.italic })],
  });
}

/** Plain paragraphs from multi-line notes. */
function noteParagraphs(text: string): Paragraph[] {
  return text
    .split(/\r?\n/)
    .filter((l) => l.trim())
    .map((l) => para(l));
}

export interface DocxFile {
  data: Buffer;
  confidential: boolean;
  baseName: string;
}

export async function minutesDocx(d: Datastore, meetingId: string): Promise<DocxFile> {
  const m = requireMeeting(d, meetingId);
  const inst = instanceMap(d);
  const confidential = isConfidentialMeeting(m, inst);
  const instance = inst.get(m.instanceId);
  const s = d.settings;
  const title = confidential || m.confidentiality === 'restricted' ? T.decisionsTitle : T.minutesTitle;
  const orgs = new Map(d.organisations.map((o) => [o.id, o]));
  const byStatus = (st: string) => m.attendance.filter((a) => a.status === st);
  const children: Paragraph[] = [];
  if (confidential) {
    children.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        shading: { type: ShadingType.SOLID, color: 'B00020', fill: 'B00020' },
        children: [new TextRun({ text: CONFIDENTIAL_BANNER, bold: true, color: 'FFFFFF' })],
      }),
    );
  }
  children.push(
    para(`${s.councilName} (${s.councilAcronym}) — ${s.communeName}`, { italic: true }),
    para(`${title} — ${m.title}`, { heading: HeadingLevel.TITLE }),
    para(T.draft, { italic: true }),
    para(`${T.instance} : ${instance?.name ?? ''}`),
    para(`${T.date} : ${formatLongDate(m.date)} ${documents.common.at(formatTime(m.startTime))}`),
  );
  if (m.place) children.push(para(`${T.place} : ${m.place}`));
  if (confidential) children.push(para(T.confidentialNote, { italic: true }));

  const groups: [string, string][] = [
    [T.present, 'present'],
    [T.represented, 'represented'],
    [T.excused, 'excused'],
    [T.absent, 'absent'],
  ];
  for (const [label, st] of groups) {
    const list = byStatus(st);
    children.push(para(`${label} (${list.length})`, { heading: HeadingLevel.HEADING_3 }));
    if (!list.length) children.push(para(T.none, { italic: true }));
    for (const a of list) {
      const rep = a.status === 'represented' && a.representedByName ? ` — ${T.representedBy(a.representedByName)}` : '';
      children.push(para(`${attendeeLabel(d, m, a.inviteeId)}${rep}`, { bullet: true }));
    }
  }

  if (!confidential) {
    children.push(para(T.agenda, { heading: HeadingLevel.HEADING_1 }));
    let n = 0;
    for (const item of m.agenda) {
      if (item.kind === 'section') {
        children.push(para(item.title, { heading: HeadingLevel.HEADING_2 }));
        continue;
      }
      children.push(para(`${++n}. ${item.title}`, { heading: HeadingLevel.HEADING_2 }));
      children.push(...noteParagraphs(item.notes));
    }
    if (m.generalNotes.trim()) {
      children.push(para(T.general, { heading: HeadingLevel.HEADING_1 }), ...noteParagraphs(m.generalNotes));
    }
  }

  children.push(para(T.decisions, { heading: HeadingLevel.HEADING_1 }));
  if (!m.decisions.length) children.push(para(T.none, { italic: true }));
  for (const dec of m.decisions) {
    const details = [
      sharing.decisionKind[dec.kind],
      dec.situationRef ? `${T.situation} : ${dec.situationRef}` : '',
      dec.pilotOrganisationId ? `${T.pilot} : ${orgs.get(dec.pilotOrganisationId)?.name ?? ''}` : '',
      dec.dueDate ? `${T.due} : ${formatShortDate(dec.dueDate)}` : '',
      sharing.decisionStatus[dec.status],
    ].filter(Boolean);
    children.push(new Paragraph({ bullet: { level: 0 }, children: [new TextRun({ text: dec.text, bold: true }), new TextRun({ text: ` (${details.join(' — ')})` })] }));
  }

  const banner = confidential ? [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: CONFIDENTIAL_BANNER, bold: true, color: 'B00020' })] })] : [];
  const doc = new Document({
    creator: common.appName,
    title: `${title} — ${m.title}`,
    description: confidential ? CONFIDENTIAL_BANNER : undefined,
    sections: [
      {
        headers: { default: new Header({ children: [...banner, new Paragraph({ children: [new TextRun({ text: `${s.councilAcronym} ${s.communeName} — ${title}`, size: 16 })] })] }) },
        footers: { default: new Footer({ children: banner.length ? [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: CONFIDENTIAL_BANNER, bold: true, color: 'B00020' })] })] : [] }) },
        children,
      },
    ],
  });
  const data = await Packer.toBuffer(doc);
  return { data: Buffer.from(data), confidential, baseName: `${confidential ? sharing.fileNames.decisionsRecord : sharing.fileNames.minutes}-${m.date}` };
}
