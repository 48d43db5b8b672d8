// Legal rules that depend on an instance's kind: which groups are L132-5 groups, where a register of situations is allowed, which text a confidential document cites.
import type { Confidentiality, InstanceKind } from './model';

/** The two fields these rules read, so callers can pass an instance, an instance row or a meeting's instance summary. */
export interface InstanceNature {
  kind: InstanceKind;
  confidentiality: Confidentiality;
}

/**
 * Order of the kinds in lists and documents: plenary, restricted formation, working groups, CDDF, then the
 * police-led *groupe de partenariat opérationnel* (GPO), which the coordinator may attend or record: it is not an
 * L132-5 group (no register, no charter, no L132-5 mention).
 */
export const INSTANCE_KIND_ORDER: Record<InstanceKind, number> = { plenary: 0, restricted: 1, working_group: 2, cddf: 3, gpo: 4 };

/**
 * A *groupe de travail et d'échange d'informations* of CSI L132-5 (cellule de veille, thematic or territorial group):
 * a confidential working group. It needs a règlement intérieur and a charte déontologique signed by its members.
 */
export function isL1325Group(instance: InstanceNature): boolean {
  return instance.kind === 'working_group' && instance.confidentiality === 'confidential';
}

/** A confidential CDDF (conseil pour les droits et devoirs des familles), whose confidentiality rests on CASF L141-1. */
export function isConfidentialCddf(instance: InstanceNature): boolean {
  return instance.kind === 'cddf' && instance.confidentiality === 'confidential';
}

/**
 * A follow-up file of individual situations is allowed only for the L132-5 groups and the CDDF (CNIL AU-038),
 * never for the plenary or the restricted formation.
 */
export function registerAllowed(instance: InstanceNature): boolean {
  return isL1325Group(instance) || isConfidentialCddf(instance);
}

/** Groups whose members sign the charte déontologique and whose charter application is reviewed yearly. */
export function charterApplies(instance: InstanceNature): boolean {
  return registerAllowed(instance);
}

/** The legal basis a document cites for an instance's confidentiality: L132-5 (CSI), L141-1 (CASF), or none. */
export type ConfidentialityBasis = 'csi_l132_5' | 'casf_l141_1' | 'none';

export function confidentialityBasis(instance: InstanceNature): ConfidentialityBasis {
  if (isL1325Group(instance)) return 'csi_l132_5';
  if (isConfidentialCddf(instance)) return 'casf_l141_1';
  return 'none';
}
