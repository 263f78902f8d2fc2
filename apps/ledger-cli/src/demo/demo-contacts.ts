import type { ContactSource } from '@calltrail/domain';
import { DAY, HOUR, iso, isoDate, type DemoPlan } from './demo-plan';
import { DEMO_COUNTRIES, demoPerson, type DemoCountry } from './demo-people';
import type { DemoWorld } from './demo-world';

export interface DemoContact {
  contactId: string;
  country: DemoCountry;
  phone: string;
  sourceKind: ContactSource['kind'];
  registeredAt: number;
  /** Purchases in the campaign's product category (the NL customers). */
  purchases: number[];
  /** On the national do-not-call list: the scrub takes it out of the call list. */
  dncListed: boolean;
  /** When the Belgian centre received this contact's data. */
  sharedAt: number;
  /** Whether the offshore centre received this contact's data. */
  sharedWithOffshore: boolean;
  /** Bought-list contacts whose first answered call will not name the source (seed 004). */
  forgetsSourceNotice: boolean;
  /** Answered calls so far. */
  answered: number;
}

/** How many contacts of each country, per 100 asked for. */
const SHARE: Record<DemoCountry, number> = { BE: 0.4, NL: 0.4, FR: 0.2 };

export function registerContacts(plan: DemoPlan, world: DemoWorld, total: number): DemoContact[] {
  const contacts: DemoContact[] = [];
  for (const country of Object.keys(SHARE) as DemoCountry[]) {
    const count = Math.max(4, Math.round(total * SHARE[country]));
    for (let i = 0; i < count; i++) contacts.push(registerContact(plan, world, country, contacts.length));
  }
  shareWithCallCentres(plan, world, contacts);
  return contacts;
}

function registerContact(plan: DemoPlan, world: DemoWorld, country: DemoCountry, index: number): DemoContact {
  const { random } = plan;
  const contactId = random.uuid();
  const person = demoPerson(random, country, index);
  const campaign = world.campaigns[country];
  const source = sourceFor(plan, world, country);
  // Prospects arrive during the first year; the Dutch customers are on file before the campaign starts.
  const registeredAt = country === 'NL' ? plan.start - 40 * DAY : campaign.startsAt + random.int(-20, 360) * DAY;
  plan.add(registeredAt, {
    type: 'RegisterContact', contactId, audience: 'B2C', country, timeZone: DEMO_COUNTRIES[country].timeZone,
    name: person.name, phones: [{ number: person.phone, lineType: 'mobile' }], emails: [person.email],
    company: null, jobTitle: null, profession: null, source: { ...source, obtainedAt: iso(registeredAt - DAY) },
  });
  const purchases = country === 'NL' ? recordPurchases(plan, contactId, campaign.productCategory) : [];
  return {
    contactId, country, phone: person.phone, sourceKind: source.kind, registeredAt, purchases,
    dncListed: country !== 'NL' && index % 12 === 5, sharedAt: registeredAt, sharedWithOffshore: false,
    forgetsSourceNotice: index % 8 === 3, answered: 0,
  };
}

function sourceFor(plan: DemoPlan, world: DemoWorld, country: DemoCountry): ContactSource {
  if (country === 'NL') return { kind: 'own_customer', reference: 'customer database' };
  const roll = plan.random.next();
  if (roll < 0.4) return { kind: 'web_form', reference: `quote-request-form-${country.toLowerCase()}` };
  if (roll < 0.75) {
    return {
      kind: 'purchased_list', provider: world.broker.name, providerProcessorId: world.broker.processorId,
      collectionMethod: 'opt-in on partner comparison sites, 2024', reference: `prospectdata-${country.toLowerCase()}-2024.csv`,
    };
  }
  return {
    kind: 'rented_list', provider: 'Leadpartners Benelux', collectionMethod: 'energy-savings quiz with marketing opt-in',
    reference: `leadpartners-rental-${country.toLowerCase()}`,
  };
}

/** Past purchases spread over three years before the campaign, so calls fall at every age of the relationship. */
function recordPurchases(plan: DemoPlan, contactId: string, productCategory: string): number[] {
  const purchasedAt = plan.start - plan.random.int(15, 700) * DAY;
  plan.add(plan.start - 39 * DAY, {
    type: 'RecordPurchase', contactId, purchaseId: plan.random.uuid(), productCategory, purchasedOn: isoDate(purchasedAt), contractEndsOn: null,
  });
  return [purchasedAt];
}

/** Every contact goes to the Belgian centre; the Dutch and French ones also to the offshore centre when it joins. */
function shareWithCallCentres(plan: DemoPlan, world: DemoWorld, contacts: DemoContact[]): void {
  for (const country of Object.keys(SHARE) as DemoCountry[]) {
    const campaign = world.campaigns[country];
    const ofCountry = contacts.filter((contact) => contact.country === country);
    // One share per month of registrations, as a list would be sent.
    const byMonth = new Map<string, DemoContact[]>();
    for (const contact of ofCountry) {
      const month = isoDate(contact.registeredAt).slice(0, 7);
      byMonth.set(month, [...(byMonth.get(month) ?? []), contact]);
    }
    for (const batch of byMonth.values()) {
      const at = Math.max(...batch.map((contact) => contact.registeredAt)) + HOUR;
      share(plan, world.callCentreBe.processorId, batch, campaign.campaignId, at);
      for (const contact of batch) contact.sharedAt = at;
    }
    if (country === 'BE') continue;
    const offshore = ofCountry.filter((contact) => contact.registeredAt < world.callCentreMa.since);
    for (const contact of offshore) contact.sharedWithOffshore = true;
    share(plan, world.callCentreMa.processorId, offshore, campaign.campaignId, world.callCentreMa.since + DAY);
  }
}

function share(plan: DemoPlan, processorId: string, contacts: DemoContact[], campaignId: string, at: number): void {
  if (contacts.length === 0) return;
  plan.add(at, {
    type: 'ShareDataWithProcessor', processorId, shareId: plan.random.uuid(), contactIds: contacts.map((contact) => contact.contactId),
    dataCategories: ['name', 'phone', 'purchase_history'], destinationCountry: null, campaignId,
  });
}
