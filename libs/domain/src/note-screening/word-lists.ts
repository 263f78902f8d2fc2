import offensiveEn from './wordlists/offensive.en.json';
import offensiveFr from './wordlists/offensive.fr.json';
import offensiveNl from './wordlists/offensive.nl.json';
import specialCategoryEn from './wordlists/special-category.en.json';
import specialCategoryFr from './wordlists/special-category.fr.json';
import specialCategoryNl from './wordlists/special-category.nl.json';

export type ScreeningKind = 'special-category' | 'offensive';

/** One word list file: terms grouped by category, in one language (see wordlists/README.md). */
export interface WordList {
  description?: string;
  language: string;
  kind: ScreeningKind;
  categories: Record<string, string[]>;
}

/**
 * Checks a word list read from JSON (a compliance officer's file) and returns it; a malformed list
 * throws a RangeError naming the field, so a broken file is never silently ignored.
 */
export function parseWordList(value: unknown, source = 'word list'): WordList {
  const list = value as Partial<WordList> | null;
  if (typeof list !== 'object' || list === null) throw new RangeError(`${source}: must be a JSON object`);
  if (list.kind !== 'special-category' && list.kind !== 'offensive') {
    throw new RangeError(`${source}: kind must be "special-category" or "offensive"`);
  }
  if (typeof list.language !== 'string' || !/^[a-z]{2}$/.test(list.language)) {
    throw new RangeError(`${source}: language must be a two-letter code such as "nl"`);
  }
  if (typeof list.categories !== 'object' || list.categories === null || Object.keys(list.categories).length === 0) {
    throw new RangeError(`${source}: categories must map each category to its terms`);
  }
  for (const [category, terms] of Object.entries(list.categories)) {
    if (!Array.isArray(terms) || terms.some((t) => typeof t !== 'string' || t.replace(/\*$/, '').trim() === '')) {
      throw new RangeError(`${source}: categories.${category} must be a list of non-empty terms`);
    }
  }
  return { language: list.language, kind: list.kind, categories: list.categories as Record<string, string[]> };
}

/** The shipped lists, Dutch, French and English. Extend by passing more lists, not by editing code. */
export const DEFAULT_WORD_LISTS: readonly WordList[] = [
  specialCategoryNl,
  specialCategoryFr,
  specialCategoryEn,
  offensiveNl,
  offensiveFr,
  offensiveEn,
].map((json) => parseWordList(json, `${json.kind}.${json.language}.json`));
