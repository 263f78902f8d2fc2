/** The benchmark's call list and its limits, shared by the benchmark and `batch-once.ts`. */
import { SeededRandom, unregisteredNumber, type BenchDataSet } from '../data';

export const CAMPAIGN = 'be-heat-pumps';
export const PROCESSOR = 'be-centre';

/**
 * A call list as a dialer would send it: numbers of Belgian consumers the campaign aims at, 2% of
 * them numbers nobody registered (some on the DNC list), in a seeded random order.
 */
export function callList(data: BenchDataSet, size: number): string[] {
  const random = new SeededRandom(data.spec.seed + 1);
  const numbers: string[] = [];
  for (let index = 0; index < data.spec.contacts && numbers.length < size * 0.98; index += 1) {
    const contact = data.contact(index);
    if (contact.country === 'BE' && contact.audience === 'B2C') numbers.push(contact.phones[0]!.e164);
  }
  for (let n = 0; numbers.length < size; n += 1) numbers.push(unregisteredNumber('BE', 99_000 + n * 7));
  for (let i = numbers.length - 1; i > 0; i -= 1) {
    const j = random.int(0, i);
    [numbers[i], numbers[j]] = [numbers[j]!, numbers[i]!];
  }
  return numbers;
}

/** The limit for one number: the read model's row for one keyed hash (elig_numbers_now), by primary key, nothing else. */
export const BARE_ONE = `SELECT n.view FROM elig_numbers_now n WHERE n.phone_hash = $1`;
/** The limit for a list: the same rows for the 10,000 keyed hashes in one statement. */
export const BARE_BATCH = `SELECT h.phone_hash, n.view FROM unnest($1::text[]) AS h(phone_hash)
  LEFT JOIN elig_numbers_now n ON n.phone_hash = h.phone_hash`;
