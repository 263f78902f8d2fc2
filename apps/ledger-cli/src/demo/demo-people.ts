import { normalisePhone } from '@calltrail/pii-vault';
import type { SeededRandom } from './seeded-random';

/** The three countries of the demo, with what a contact there looks like. Every person is fictitious. */
export const DEMO_COUNTRIES = {
  BE: {
    timeZone: 'Europe/Brussels',
    firstNames: ['Lotte', 'Wout', 'Sofie', 'Jens', 'Hanne', 'Pieter', 'Elke', 'Maarten', 'Nathalie', 'Thomas'],
    lastNames: ['Peeters', 'Janssens', 'Maes', 'Jacobs', 'Mertens', 'Willems', 'Claes', 'Goossens', 'Wouters', 'De Smet'],
    mobile: (random: SeededRandom) => `+3247${random.int(0, 9)}${random.digits(6)}`,
    emailDomain: 'example.be',
  },
  NL: {
    timeZone: 'Europe/Amsterdam',
    firstNames: ['Anouk', 'Daan', 'Fleur', 'Bram', 'Sanne', 'Ruben', 'Lieke', 'Joost', 'Femke', 'Sem'],
    lastNames: ['de Jong', 'Jansen', 'de Vries', 'van den Berg', 'Bakker', 'Visser', 'Smit', 'Meijer', 'de Boer', 'Mulder'],
    mobile: (random: SeededRandom) => `+316${random.int(1, 5)}${random.digits(7)}`,
    emailDomain: 'example.nl',
  },
  FR: {
    timeZone: 'Europe/Paris',
    firstNames: ['Camille', 'Lucas', 'Manon', 'Hugo', 'Chloé', 'Louis', 'Léa', 'Gabriel', 'Inès', 'Arthur'],
    lastNames: ['Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau'],
    mobile: (random: SeededRandom) => `+336${random.int(1, 5)}${random.digits(7)}`,
    emailDomain: 'example.fr',
  },
} as const;

export type DemoCountry = keyof typeof DEMO_COUNTRIES;

export interface DemoPerson {
  name: string;
  phone: string;
  email: string;
}

/** A mobile number of the country that its numbering plan allows (not every block is in use). */
export function demoMobile(random: SeededRandom, country: DemoCountry): string {
  for (;;) {
    const number = DEMO_COUNTRIES[country].mobile(random);
    try {
      return normalisePhone(number, country);
    } catch {
      // an unallocated block: draw again
    }
  }
}

export function demoPerson(random: SeededRandom, country: DemoCountry, index: number): DemoPerson {
  const { firstNames, lastNames, emailDomain } = DEMO_COUNTRIES[country];
  const first = random.pick(firstNames);
  const last = random.pick(lastNames);
  const local = `${first}.${last}`.toLowerCase().normalize('NFD').replace(/[^a-z.]/g, '');
  return { name: `${first} ${last}`, phone: demoMobile(random, country), email: `${local}${index}@${emailDomain}` };
}
