import { describe, expect, it } from 'vitest';
import { screenNote } from './screen-note';
import { DEFAULT_WORD_LISTS, type WordList } from './word-lists';

const screen = (text: string) => screenNote(text, DEFAULT_WORD_LISTS);
const terms = (text: string) => {
  const result = screen(text);
  return {
    special: result.specialCategory.map((m) => `${m.category}:${m.found}`),
    offensive: result.offensive.map((m) => m.found),
  };
};

describe('screenNote', () => {
  it.each([
    ['Wil offerte voor warmtepomp, terugbellen dinsdag na 16u.'],
    ['Souhaite un devis pour une pompe à chaleur, rappeler mardi.'],
    ['Interested in insulation, call back on Tuesday afternoon.'],
    ['Ik geloof dat hij al een installateur heeft; afkomstig uit Gent.'],
    ["L'entreprise opère en Belgique, contacter le syndic de copropriété."],
    ['Meneer is op vakantie tot 12/5; heeft al een warmtepomp van de concurrent.'],
    ['Pas le temps, rappeler après 18h. Souhaite recevoir la brochure par e-mail.'],
    ['Not the right person: asked for the operations director via the switchboard.'],
    ['Runs a hospitality business; wants a quote for 3 sites, budget approved.'],
  ])('passes an ordinary note: %s', (note) => {
    expect(screen(note)).toEqual({ clean: true, specialCategory: [], offensive: [] });
  });

  it('finds health data and insults in a Dutch note, as written', () => {
    expect(terms('Meneer is Ziek, heeft KANKER en zit in een rolstoel. Echte klootzak.')).toEqual({
      special: ['health:Ziek', 'health:KANKER', 'health:rolstoel'],
      offensive: ['klootzak'],
    });
  });

  it('finds health data and insults in a French note, accents ignored both ways', () => {
    expect(terms('Madame diabetique, hospitalisée en mars; vieille folle, une vraie connasse.')).toEqual({
      special: ['health:diabetique', 'health:hospitalisée'],
      offensive: ['vieille folle', 'connasse'],
    });
    expect(terms('Il est DIABÈTE de type 2').special).toEqual(['health:DIABÈTE']);
  });

  it('finds the Art. 9 categories in an English note', () => {
    expect(terms('Pregnant, Muslim, union member, votes for the far-right, gay; total idiot').special).toEqual([
      'health:Pregnant',
      'religion:Muslim',
      'trade-union:union member',
      'political-opinion:votes for',
      'political-opinion:far-right',
      'sexual-orientation:gay',
    ]);
    expect(terms('total idiot').offensive).toEqual(['idiot']);
  });

  it('matches whole words only, with simple inflections', () => {
    expect(terms('ziekenfonds gebeld').special).toEqual([]);
    expect(terms('twee zieken in huis').special).toEqual(['health:zieken']);
    expect(terms('sa femme est malade').special).toEqual(['health:malade']);
    expect(terms('hospitality sector').special).toEqual([]);
    expect(terms('was hospitalized twice').special).toEqual(['health:hospitalized']);
  });

  it('matches a phrase across spaces and hyphens', () => {
    expect(terms('Il a fait une crise  cardiaque').special).toEqual(['health:crise  cardiaque']);
    expect(terms('shop-steward at the plant').special).toEqual(['trade-union:shop-steward']);
  });

  it('takes extra lists, so a compliance officer can extend the screening', () => {
    const extra: WordList = { language: 'nl', kind: 'offensive', categories: { insult: ['lapzwans*'] } };
    const lists = [...DEFAULT_WORD_LISTS, extra];
    expect(screenNote('Een lapzwansen-familie', DEFAULT_WORD_LISTS).offensive).toEqual([]);
    expect(screenNote('Een lapzwansen-familie', lists).offensive).toEqual([
      { kind: 'offensive', category: 'insult', language: 'nl', term: 'lapzwans*', found: 'lapzwansen' },
    ]);
  });
});
