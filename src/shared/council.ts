// Words that follow the council's kind: a CLSPD is chaired by the maire, an intercommunal CISPD by the president of the EPCI (CSI L132-13).
import { council } from './i18n/council';
import type { CouncilAcronym, Settings } from './model';

/** True for an intercommunal council (CISPD, CISPDR). */
export function isIntercommunal(acronym: CouncilAcronym): boolean {
  return acronym === 'CISPD' || acronym === 'CISPDR';
}

/** The catalogue entries for this council's kind. */
export function councilWords(acronym: CouncilAcronym): (typeof council)['communal'] {
  return isIntercommunal(acronym) ? council.intercommunal : council.communal;
}

/** The president's quality when none is typed in Paramètres. */
export function defaultPresidentTitle(acronym: CouncilAcronym): string {
  return councilWords(acronym).presidentTitle;
}

/** « le maire » / « le président de l’EPCI », inside a sentence. */
export function presidentInSentence(acronym: CouncilAcronym): string {
  return councilWords(acronym).presidentInSentence;
}

/** The signature line of convocations and minutes: the typed quality, else the one that follows the council's kind. */
export function presidentSignatureTitle(s: Pick<Settings, 'presidentTitle' | 'councilAcronym'>): string {
  return s.presidentTitle || councilWords(s.councilAcronym).signature(s.councilAcronym);
}

/** The first line of every document's header: « Ville de … » for a commune, the EPCI's own name for an intercommunal council. */
export function headerAuthority(s: Pick<Settings, 'communeName' | 'councilAcronym'>, fallback: string): string {
  return s.communeName ? councilWords(s.councilAcronym).header(s.communeName) : fallback;
}

/** Label of the address field in Paramètres. */
export function addressLabel(acronym: CouncilAcronym): string {
  return councilWords(acronym).address;
}
