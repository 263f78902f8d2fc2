import { describe, expect, it } from 'vitest';
import { DEFAULT_WORD_LISTS, parseWordList } from './word-lists';

describe('word lists', () => {
  it('ship both kinds in Dutch, French and English', () => {
    const shipped = DEFAULT_WORD_LISTS.map((l) => `${l.kind}.${l.language}`).sort();
    expect(shipped).toEqual([
      'offensive.en',
      'offensive.fr',
      'offensive.nl',
      'special-category.en',
      'special-category.fr',
      'special-category.nl',
    ]);
  });

  it('cover every GDPR Art. 9 category in each language', () => {
    const art9 = ['health', 'religion', 'ethnic-origin', 'political-opinion', 'trade-union', 'sexual-orientation', 'genetic-biometric'];
    for (const list of DEFAULT_WORD_LISTS.filter((l) => l.kind === 'special-category')) {
      expect(Object.keys(list.categories).sort()).toEqual([...art9].sort());
    }
  });

  it('repeat no term within a list', () => {
    for (const list of DEFAULT_WORD_LISTS) {
      const terms = Object.values(list.categories).flat();
      expect(terms.length, `${list.kind}.${list.language}`).toBe(new Set(terms).size);
    }
  });

  it.each([
    [null, 'must be a JSON object'],
    [{ kind: 'rude', language: 'nl', categories: { insult: ['x'] } }, 'kind must be'],
    [{ kind: 'offensive', language: 'Dutch', categories: { insult: ['x'] } }, 'language must be'],
    [{ kind: 'offensive', language: 'nl', categories: {} }, 'categories must map'],
    [{ kind: 'offensive', language: 'nl', categories: { insult: ['ok', '*'] } }, 'categories.insult must be a list of non-empty terms'],
  ])('refuse a malformed list file, naming the field (%#)', (value, message) => {
    expect(() => parseWordList(value, 'extra.json')).toThrow(`extra.json: ${message}`);
  });
});
