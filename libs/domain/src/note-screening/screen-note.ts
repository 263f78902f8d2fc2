import type { ScreeningKind, WordList } from './word-lists';

export interface ScreeningMatch {
  kind: ScreeningKind;
  /** e.g. `health`, `religion`, `insult`. */
  category: string;
  language: string;
  /** The list's term that matched. */
  term: string;
  /** The words as written in the note. */
  found: string;
}

export interface ScreeningResult {
  clean: boolean;
  specialCategory: ScreeningMatch[];
  offensive: ScreeningMatch[];
}

interface CompiledTerm {
  kind: ScreeningKind;
  category: string;
  language: string;
  term: string;
  pattern: RegExp;
}

const LIGATURES: Record<string, string> = { œ: 'oe', æ: 'ae', ß: 'ss', ĳ: 'ij', '’': "'", ʼ: "'" };

/** Lower case, accents and ligatures folded: the form both the note and the terms are compared in. */
function foldChar(char: string): string {
  const lower = char.toLowerCase();
  return LIGATURES[lower] ?? lower.normalize('NFKD').replace(/\p{M}+/gu, '');
}

/** The folded text, and for every folded character the index of the original character it came from. */
function fold(text: string): { folded: string; origin: number[] } {
  let folded = '';
  const origin: number[] = [];
  let index = 0;
  for (const char of text) {
    const f = foldChar(char);
    folded += f;
    for (let i = 0; i < f.length; i++) origin.push(index);
    index += char.length;
  }
  origin.push(index);
  return { folded, origin };
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Simple plural and inflected endings allowed after a term of four letters or more. */
const INFLECTION = "(?:s|es|e|en|n|x|'s)?";
const MIN_LENGTH_FOR_INFLECTION = 4;

function compileTerm(term: string): RegExp {
  const prefix = term.trim().endsWith('*');
  const words = fold(term.trim().replace(/\*$/, '')).folded.split(/[\s-]+/).filter(Boolean);
  const body = words.map(escapeRegExp).join('[\\s\\-]+');
  const last = words[words.length - 1] ?? '';
  const ending = prefix ? '\\p{L}*' : last.length >= MIN_LENGTH_FOR_INFLECTION ? INFLECTION : '';
  return new RegExp(`(?<![\\p{L}\\p{N}])${body}${ending}(?![\\p{L}\\p{N}])`, 'gu');
}

const compiledCache = new WeakMap<readonly WordList[], CompiledTerm[]>();

function compile(lists: readonly WordList[]): CompiledTerm[] {
  const cached = compiledCache.get(lists);
  if (cached) return cached;
  const compiled = lists.flatMap((list) =>
    Object.entries(list.categories).flatMap(([category, terms]) =>
      terms
        .filter((term) => term.replace(/\*$/, '').trim() !== '')
        .map((term) => ({ kind: list.kind, category, language: list.language, term, pattern: compileTerm(term) })),
    ),
  );
  compiledCache.set(lists, compiled);
  return compiled;
}

/**
 * Screens a call note for special-category data (GDPR Art. 9) and insults (seed 001), with every
 * list applied whatever the note's language. Case- and accent-insensitive, whole words only.
 * Each word found is reported once per category, in the order of the text.
 */
export function screenNote(text: string, lists: readonly WordList[]): ScreeningResult {
  const { folded, origin } = fold(text);
  const matches: (ScreeningMatch & { at: number })[] = [];
  const seen = new Set<string>();
  for (const term of compile(lists)) {
    for (const match of folded.matchAll(term.pattern)) {
      const start = origin[match.index]!;
      const end = origin[match.index + match[0].length]!;
      const found = text.slice(start, end);
      const key = `${term.kind}|${term.category}|${foldedKey(found)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      matches.push({ kind: term.kind, category: term.category, language: term.language, term: term.term, found, at: start });
    }
  }
  const inTextOrder = matches.sort((a, b) => a.at - b.at).map(({ at: _at, ...match }) => match);
  const specialCategory = inTextOrder.filter((m) => m.kind === 'special-category');
  const offensive = inTextOrder.filter((m) => m.kind === 'offensive');
  return { clean: matches.length === 0, specialCategory, offensive };
}

const foldedKey = (s: string): string => fold(s).folded;
