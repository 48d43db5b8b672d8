// Checks a text of a confidential meeting for what must not be in it: a first name, a civility followed by a name, a phone number, an e-mail address.

export type PersonalMentionKind = 'first_name' | 'civility_name' | 'phone' | 'email';

export interface PersonalMention {
  kind: PersonalMentionKind;
  /** Where in the text (characters), so a screen can highlight it; never logged or printed. */
  index: number;
  length: number;
}

/**
 * Common French first names (INSEE, births 1950–2020), lower-case without accents. Names that are also
 * common words or places when capitalised (France, Rose, Prudence, Constance, Marine…) are left out: the
 * check must not cry wolf on « Rose des vents » or « Marine nationale ».
 */
const FIRST_NAMES = new Set(
  (
    'adam aicha alain alexandre alexis alice alicia amandine amelie amine anais andre angelique anne annie anthony antoine arnaud arthur aurelie axel ' +
    'baptiste benjamin benoit bernard brigitte bruno camille caroline catherine cedric celine chantal charles charlotte chloe christian christine christophe claire claude ' +
    'clement clemence corinne damien daniel david delphine denis didier dominique dylan eddy elise elodie eloise emilie emma emmanuel enzo eric estelle ethan eva ' +
    'fabien fabrice fanny fatima fatou florence florian francis francois francoise frederic gabriel gael gerard gilles gregory guillaume helene herve hugo ines isabelle ' +
    'jacqueline jacques jade jean jeanne jeremy jerome joel johan jonathan jordan jose josiane julie julien juliette justine karim karine kevin laetitia laura laurence ' +
    'laurent lea leo leon lina lisa loic louis louise lucas lucie luc lucas mael manon marc marcel margaux marie marion martin martine mathieu mathilde matteo maxime ' +
    'melanie mehdi michel michele mickael mohamed monique morgane nadia nathalie nathan nicolas noah noemie oceane olivier pascal pascale patrick patricia paul pauline ' +
    'philippe pierre quentin rachid raphael regis remi renaud richard robert romain sabrina samuel sandrine sarah sebastien serge simon sofiane sophie stephane ' +
    'stephanie sylvain sylvie theo thierry thomas timothee tom valerie vanessa veronique victor vincent virginie xavier yanis yann yannick yasmine yves yvette zoe'
  ).split(/\s+/),
);

const fold = (w: string): string =>
  w
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
/** French numbers: 0X XX XX XX XX or +33 X XX XX XX XX, with spaces, dots or dashes. */
const PHONE = /(?:\+33\s?|\b0)[1-9](?:[\s.-]?\d{2}){4}\b/g;
const CIVILITY = /\b(?:M\.|Mme|Mlle|Madame|Monsieur|Mademoiselle)\s+(?=[A-ZÀ-Ý])[A-Za-zÀ-ÿ'’-]+/g;
const CAPITALISED = /(?<![\p{L}\d])\p{Lu}[\p{Ll}]+(?:-\p{Lu}[\p{Ll}]+)?(?![\p{L}\d])/gu;

/** Every mention found in the text, in order of position. */
export function findPersonalMentions(text: string): PersonalMention[] {
  const out: PersonalMention[] = [];
  for (const m of text.matchAll(EMAIL)) out.push({ kind: 'email', index: m.index, length: m[0].length });
  for (const m of text.matchAll(PHONE)) out.push({ kind: 'phone', index: m.index, length: m[0].length });
  for (const m of text.matchAll(CIVILITY)) out.push({ kind: 'civility_name', index: m.index, length: m[0].length });
  for (const m of text.matchAll(CAPITALISED)) {
    const first = fold(m[0].split('-')[0]);
    if (FIRST_NAMES.has(first) && !out.some((o) => m.index >= o.index && m.index < o.index + o.length)) out.push({ kind: 'first_name', index: m.index, length: m[0].length });
  }
  return out.sort((a, b) => a.index - b.index);
}

/** True when the text shows no sign of naming or reaching someone. */
export function looksAnonymous(text: string): boolean {
  return findPersonalMentions(text).length === 0;
}
