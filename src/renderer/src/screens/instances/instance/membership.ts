// Instance page: the membership and instance forms' values and what they send, and the wording of a member's line; pure so they can be tested.
import type { MemberRow, MembershipInput } from '../../../../../shared/contract/meetings';
import { todayIso } from '../../../../../shared/format';
import { fr } from '../../../../../shared/i18n';
import type { Confidentiality, Instance, MemberRole, Person } from '../../../../../shared/model';

const L = fr.meetings.ui;

export type Seat = 'titular' | 'substitute';
export interface MemberForm {
  personId: string;
  role: MemberRole;
  seat: Seat;
  titularMembershipId: string;
  startDate: string;
  charterSignedAt: string;
}
export interface InstanceForm {
  name: string;
  purpose: string;
  cadence: string;
  theme: string;
  territory: string;
  confidentiality: Confidentiality;
}

/** A new member: designated titular from today, no charter date. */
export function emptyMemberForm(today: string = todayIso()): MemberForm {
  return { personId: '', role: 'designated', seat: 'titular', titularMembershipId: '', startDate: today, charterSignedAt: '' };
}

/** What « Ajouter » sends: the titular only for a substitute, the charter date only when given. */
export function memberInput(instanceId: string, form: MemberForm): MembershipInput {
  return {
    instanceId,
    personId: form.personId,
    role: form.role,
    seat: form.seat,
    startDate: form.startDate,
    ...(form.seat === 'substitute' && form.titularMembershipId ? { titularMembershipId: form.titularMembershipId } : {}),
    ...(form.charterSignedAt ? { charterSignedAt: form.charterSignedAt } : {}),
  };
}

/** The edit form starts from the instance as it is (absent texts as empty fields). */
export function instanceForm(instance: Instance): InstanceForm {
  return { name: instance.name, purpose: instance.purpose ?? '', cadence: instance.cadence ?? '', theme: instance.theme ?? '', territory: instance.territory ?? '', confidentiality: instance.confidentiality };
}

/** « Titre · rôle · siège · Suppléant(s) : … » under a member's name; a substitute names their titular (« Suppléant de : … »). */
export function memberDetails(row: MemberRow): string {
  const { role, seat } = row.membership;
  let linked = '';
  if (row.linkedNames.length) {
    const label = seat === 'substitute' ? L.titularOf : row.linkedNames.length > 1 ? `${fr.seat.substitute}s` : fr.seat.substitute;
    linked = `${label} : ${row.linkedNames.join(', ')}`;
  }
  return [row.jobTitle, fr.memberRole[role], fr.seat[seat], linked].filter(Boolean).join(' · ');
}

/** Choices of the « Personne » list: « Prénom Nom (fonction) ». */
export function personOptions(people: Person[]): { value: string; label: string }[] {
  return people.map((p) => ({ value: p.id, label: `${p.firstName} ${p.lastName}${p.jobTitle ? ` (${p.jobTitle})` : ''}`.trim() }));
}

/** Choices of the titular a substitute stands in for: current titulars only. */
export function titularOptions(history: MemberRow[]): { value: string; label: string }[] {
  return history.filter((r) => r.current && r.membership.seat === 'titular').map((t) => ({ value: t.membership.id, label: `${t.personName} — ${t.organisationName}` }));
}
