import type { DemoContact } from './demo-contacts';
import { DAY, HOUR, iso, isoDate, type DemoPlan } from './demo-plan';
import { demoMobile } from './demo-people';
import type { DemoCampaign } from './demo-world';

interface Snapshot {
  version: string;
  takenAt: number;
}

/**
 * A monthly snapshot of the campaign's national do-not-call list (the listed demo contacts among
 * numbers of people we never met), and a scrub of the campaign against the latest one as often as
 * the rule pack requires.
 */
export function dncListsAndScrubs(plan: DemoPlan, campaign: DemoCampaign, contacts: DemoContact[]): void {
  const registry = campaign.registry;
  if (registry === null) return;
  const country = campaign.country;
  const ofCountry = contacts.filter((contact) => contact.country === country);
  const strangers = Array.from({ length: 40 }, () => demoMobile(plan.random, country));
  const listed = ofCountry.filter((contact) => contact.dncListed).map((contact) => contact.phone);
  const snapshots: Snapshot[] = [];
  for (let month = firstOfMonth(campaign.startsAt - 35 * DAY); month <= plan.end; month = firstOfMonth(month + 32 * DAY)) {
    const takenAt = month + 2 * HOUR;
    const version = `${registry}-${isoDate(month).slice(0, 7)}`;
    // The list grows a little every month.
    const numbers = [...listed, ...strangers.slice(0, 20 + snapshots.length)];
    plan.snapshot({ recordAt: takenAt + 3 * HOUR, registry, version, takenAt: iso(takenAt), numbers });
    snapshots.push({ version, takenAt });
  }
  for (let at = campaign.startsAt - DAY; at < campaign.endsAt; at += campaign.scrubEveryDays * DAY) {
    const latest = snapshots.filter((snapshot) => snapshot.takenAt + 3 * HOUR < at).at(-1);
    if (!latest) continue;
    const known = ofCountry.filter((contact) => contact.registeredAt < at);
    plan.add(at, {
      type: 'RecordDncScrub', campaignId: campaign.campaignId, registry, snapshotVersion: latest.version,
      contactsChecked: known.length, numbersSuppressed: known.filter((contact) => contact.dncListed).length,
    });
  }
}

function firstOfMonth(ms: number): number {
  const date = new Date(ms);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1);
}
