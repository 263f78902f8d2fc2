import { callContact } from './demo-calls';
import { registerContacts, type DemoContact } from './demo-contacts';
import { dncListsAndScrubs } from './demo-dnc';
import { scriptIncidents, type DemoIncidents } from './demo-incidents';
import { DAY, DemoPlan, type DemoStep } from './demo-plan';
import { setUpWorld, type DemoWorld } from './demo-world';

export interface DemoOptions {
  seed: number;
  /** How many contacts (at least 20); the calls grow with them. */
  contacts: number;
  now: Date;
}

export interface GeneratedDemo {
  steps: DemoStep[];
  world: DemoWorld;
  contacts: DemoContact[];
  incidents: DemoIncidents;
  from: Date;
  to: Date;
}

/**
 * The demo's history, two years up to yesterday, as the commands the ledger would have received
 * and in the order it would have received them. The same seed and day give the same history.
 */
export function generateDemo(options: DemoOptions): GeneratedDemo {
  const end = Math.floor(options.now.getTime() / DAY) * DAY - DAY;
  const plan = new DemoPlan(options.seed, end, end - 730 * DAY);
  const world = setUpWorld(plan);
  const contacts = registerContacts(plan, world, Math.max(20, options.contacts));
  for (const campaign of Object.values(world.campaigns)) dncListsAndScrubs(plan, campaign, contacts);
  // Six Dutch customers the offshore centre also received carry the scripted story.
  const scripted = contacts.filter((contact) => contact.country === 'NL' && contact.sharedWithOffshore).slice(0, 6);
  const listed = contacts.find((contact) => contact.country === 'BE' && contact.dncListed) ?? null;
  for (const contact of contacts) {
    if (scripted.includes(contact) || contact.dncListed) continue;
    const campaign = world.campaigns[contact.country];
    const firstAt = Math.max(contact.sharedAt, campaign.startsAt) + plan.random.int(3, 45) * DAY;
    callContact(plan, world, contact, firstAt, Math.min(campaign.endsAt, end) - DAY);
  }
  const incidents = scriptIncidents(plan, world, scripted, listed);
  return { steps: plan.steps(), world, contacts, incidents, from: new Date(plan.start), to: new Date(end) };
}
