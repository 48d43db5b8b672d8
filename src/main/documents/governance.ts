// Governance documents of a confidential group: règlement intérieur (a saved version or the template), charte déontologique with one commitment sheet per member, yearly bilan d'application.
import { common } from '../../shared/i18n/common';
import { formatDate, formatLongDate, formatShortDate, todayIso } from '../../shared/format';
import { currentRules, governanceContext, rulesBlocks, type RulesBlock, rulesText } from '../../shared/governance';
import { governance as g } from '../../shared/i18n/governance';
import { documents as t } from '../../shared/i18n/documents';
import { charterApplies, confidentialityBasis } from '../../shared/instance-rules';
import type { Datastore, Instance, Membership } from '../../shared/model';
import { DomainError } from '../../shared/result';
import { finishDocument, signature } from './common';
import { type GeneratedDocument, Lookup, personName, type RenderOptions, safeFileName } from './data';
import { COLOURS, PdfDoc } from './kit/document';

export interface GovernanceParams {
  instanceId: string;
  /** Règlement: a given saved version (the one in force otherwise). */
  versionId?: string;
  /** Bilan: the year (the current one otherwise). */
  year?: number;
}

function governedInstance(data: Datastore, id: string): Instance {
  const inst = data.instances.find((i) => i.id === id);
  if (!inst) throw new DomainError('not_found', t.errors.instanceNotFound(id));
  if (!charterApplies(inst)) throw new DomainError('invalid_input', g.errors.notApplicable(inst.name));
  return inst;
}

function currentMembers(data: Datastore, instanceId: string, date: string): Membership[] {
  return data.memberships.filter((m) => m.instanceId === instanceId && m.startDate <= date && (!m.endDate || m.endDate >= date));
}

/** The group's règlement intérieur: the version in force (or the one asked for), else the template marked as not adopted. */
export async function renderRules(data: Datastore, params: GovernanceParams, options: RenderOptions = {}): Promise<GeneratedDocument> {
  const inst = governedInstance(data, params.instanceId);
  const now = options.now ?? new Date();
  const version = params.versionId ? (inst.rulesVersions ?? []).find((v) => v.id === params.versionId) : currentRules(inst);
  if (params.versionId && !version) throw new DomainError('not_found', g.errors.versionNotFound);
  const text = version ? version.text : rulesText(data.settings, inst).text;
  const title = g.rules.title(inst.name);
  const dateLabel = version ? g.rules.versionOf(formatDate(version.savedAt.slice(0, 10))) : undefined;
  const pd = new PdfDoc({ title, subject: g.rules.subject, dateLabel, confidentiality: 'restricted', settings: data.settings, now });
  pd.text(g.rules.heading, { face: 'bold', size: 17, tag: 'H1', colour: COLOURS.accent, after: 2 });
  pd.text(inst.name, { face: 'bold', size: 12.5, after: 2 });
  pd.text([common.instanceKind[inst.kind], `${data.settings.councilAcronym} — ${data.settings.communeName}`].join(' · '), { size: 9, colour: COLOURS.muted, after: 4 });
  if (version) pd.text(g.rules.versionOf(formatLongDate(version.savedAt.slice(0, 10))), { size: 9.5, face: 'italic', after: 8 });
  else pd.note(g.rules.templateNotice);
  const blocks = rulesBlocks(text);
  blocks.forEach((b, i) => {
    if (b.kind === 'heading') pd.heading(b.text, 2, { keepWith: 30 });
    else if (b.kind === 'paragraph') pd.text(b.text, { size: 10, after: 5, lineGap: 1.5 });
    // A run of consecutive bullets is one list, drawn at its first bullet.
    else if (blocks[i - 1]?.kind !== 'bullet') pd.bullets(bulletRun(blocks, i), { size: 10 });
  });
  signature(pd, new Lookup(data));
  return finishDocument(pd, title, safeFileName('reglement-interieur', inst.name, version ? version.savedAt.slice(0, 10) : 'modele'));
}

/** The charter, then one page per current member: the individual commitment to sign. */
export async function renderCharter(data: Datastore, params: GovernanceParams, options: RenderOptions = {}): Promise<GeneratedDocument> {
  const inst = governedInstance(data, params.instanceId);
  const now = options.now ?? new Date();
  const today = todayIso(now);
  const lk = new Lookup(data);
  const ctx = governanceContext(data.settings, inst);
  const title = g.charter.title(inst.name);
  // The sheets name the members of a confidential group: the document carries the group's level.
  const pd = new PdfDoc({ title, subject: g.charter.subject, confidentiality: inst.confidentiality, basis: confidentialityBasis(inst), settings: data.settings, now });
  pd.text(g.charter.heading, { face: 'bold', size: 17, tag: 'H1', colour: COLOURS.accent, after: 2 });
  pd.text(inst.name, { face: 'bold', size: 12.5, after: 8 });
  pd.text(g.charter.intro(ctx), { size: 10, after: 6, lineGap: 1.5 });
  pd.text(g.charter.frame(ctx), { size: 10, after: 6, lineGap: 1.5, face: 'italic' });
  pd.heading(g.charter.principlesHeading, 2);
  pd.bullets(g.charter.principles, { size: 10 });
  pd.y += 4;
  pd.text(g.charter.signedOnce, { size: 9.5, colour: COLOURS.muted, after: 6 });
  const members = lk.sortByProtocol(currentMembers(data, inst.id, today), (m) => {
    const p = lk.people.get(m.personId);
    return { orgId: m.organisationId, job: p?.jobTitle, name: p ? `${p.lastName} ${p.firstName}` : '' };
  });
  pd.heading(g.charter.sheetsHeading, 2);
  pd.text(members.length ? g.charter.sheetsIntro(members.length) : g.charter.noMembers, { size: 10 });
  const sheet = g.charter.sheet;
  for (const m of members) {
    pd.newPage();
    const p = lk.people.get(m.personId);
    pd.heading(sheet.heading, 1);
    pd.text(sheet.subheading(inst.name), { face: 'bold', size: 11, after: 10 });
    pd.fields(
      [
        [sheet.name, p ? personName(p) : '—'],
        [sheet.job, p?.jobTitle ?? ''],
        [sheet.institution, lk.orgName(m.organisationId)],
        [sheet.seat, `${common.memberRole[m.role]}, ${common.seat[m.seat].toLowerCase()}`],
      ],
      { labelWidth: 110 },
    );
    pd.y += 8;
    pd.text(sheet.body(inst.name), { size: 10, after: 4, lineGap: 1.5 });
    pd.bullets(sheet.commitments, { size: 10 });
    pd.y += 4;
    pd.text(sheet.exclusion, { size: 10, after: 10 });
    if (m.charterSignedAt) pd.text(sheet.signedOn(formatLongDate(m.charterSignedAt)), { size: 9.5, face: 'italic', colour: COLOURS.muted, after: 6 });
    pd.text(sheet.placeDate(data.settings.communeName || '…'), { size: 10, after: 18 });
    pd.text(sheet.signature, { size: 10, face: 'bold', indent: pd.width - 200, after: 50 });
  }
  return finishDocument(pd, title, safeFileName('charte-deontologique', inst.name, today));
}

/** The yearly bilan d'application de la charte: the year's figures, the points reviewed, what the group recorded. */
export async function renderCharterReview(data: Datastore, params: GovernanceParams, options: RenderOptions = {}): Promise<GeneratedDocument> {
  const inst = governedInstance(data, params.instanceId);
  const now = options.now ?? new Date();
  const year = params.year ?? now.getFullYear();
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const review = (inst.charterReviews ?? []).find((r) => r.year === year);
  const title = g.review.title(inst.name, year);
  const pd = new PdfDoc({ title, subject: g.review.subject, dateLabel: String(year), confidentiality: inst.confidentiality, basis: confidentialityBasis(inst), settings: data.settings, now });
  pd.text(g.review.heading(year), { face: 'bold', size: 16, tag: 'H1', colour: COLOURS.accent, after: 2 });
  pd.text(inst.name, { face: 'bold', size: 12.5, after: 8 });
  const all = data.memberships.filter((m) => m.instanceId === inst.id);
  const atEnd = currentMembers(data, inst.id, to);
  const rules = [...(inst.rulesVersions ?? [])].filter((v) => v.savedAt.slice(0, 10) <= to).pop();
  const held = data.meetings.filter((m) => m.instanceId === inst.id && m.date >= from && m.date <= to && (m.status === 'held' || m.status === 'validated'));
  pd.heading(g.review.figures, 2);
  pd.fields(
    [
      [g.review.meetingsHeld, String(held.length)],
      [g.review.members, String(atEnd.length)],
      [g.review.signed, String(atEnd.filter((m) => m.charterSignedAt).length)],
      [g.review.unsigned, String(atEnd.filter((m) => !m.charterSignedAt).length)],
      [g.review.joined, String(all.filter((m) => m.startDate >= from && m.startDate <= to).length)],
      [g.review.left, String(all.filter((m) => m.endDate && m.endDate >= from && m.endDate <= to).length)],
      [g.review.rulesVersion, rules ? g.review.rulesVersionOf(formatShortDate(rules.savedAt.slice(0, 10))) : g.review.noRules],
    ],
    { labelWidth: 200 },
  );
  pd.heading(g.review.questions, 2);
  pd.bullets(g.review.questionList, { size: 10 });
  pd.heading(g.review.observations, 2);
  if (review) {
    const meeting = review.meetingId ? data.meetings.find((m) => m.id === review.meetingId) : undefined;
    pd.text(g.review.recorded(formatLongDate(review.reviewedOn)), { size: 9.5, face: 'italic', colour: COLOURS.muted, after: 2 });
    if (review.meetingId) pd.text(meeting ? g.review.recordedInMeeting(meeting.title, formatShortDate(meeting.date)) : g.review.recordedInDeletedMeeting, { size: 9.5, face: 'italic', colour: COLOURS.muted, after: 6 });
    pd.text(review.summary || t.frame.notSpecified, { size: 10, lineGap: 1.5 });
  } else {
    pd.note(g.review.notRecorded);
    // Lines to write the group's observations by hand.
    for (let i = 0; i < 8; i++) pd.rule(COLOURS.lightRule, 40);
    pd.y += 8;
  }
  pd.text(g.review.signature, { size: 10, face: 'bold', indent: pd.width - 200, after: 40 });
  return finishDocument(pd, title, safeFileName('bilan-charte', inst.name, String(year)));
}

/** The texts of the consecutive bullets starting at `start`. */
function bulletRun(blocks: RulesBlock[], start: number): string[] {
  const run: string[] = [];
  for (let i = start; i < blocks.length && blocks[i].kind === 'bullet'; i++) run.push(blocks[i].text);
  return run;
}
