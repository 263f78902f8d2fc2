import { describe, expect, it } from 'vitest';
import { adequacyFor } from './adequacy';
import { isPublicHoliday } from './holidays';
import { allRulePackVersions, packsInForce, rulesInForce } from './packs-in-force';

const versions = (jurisdiction: string, at: string) =>
  packsInForce(jurisdiction, new Date(at)).map((pack) => `${pack.pack} ${pack.version}`);

describe('packsInForce', () => {
  it('picks the EU baseline and the national version in force at the moment', () => {
    expect(versions('NL', '2026-06-30T12:00:00Z')).toEqual(['EU 2018-05-25', 'NL 2021-07-01']);
    expect(versions('NL', '2026-07-01T12:00:00Z')).toEqual(['EU 2018-05-25', 'NL 2026-07-01']);
    expect(versions('FR', '2023-02-28T12:00:00Z')).toEqual(['EU 2018-05-25', 'FR 2016-06-01']);
    expect(versions('FR', '2023-03-01T12:00:00Z')).toEqual(['EU 2018-05-25', 'FR 2023-03-01']);
    expect(versions('FR', '2026-08-11T12:00:00Z')).toEqual(['EU 2018-05-25', 'FR 2026-08-11']);
    expect(versions('be', '2026-01-01T12:00:00Z')).toEqual(['EU 2018-05-25', 'BE 2018-05-25']);
  });

  it('a country without a pack, or NL before its opt-in law, has the EU baseline only', () => {
    expect(versions('DE', '2026-01-01T12:00:00Z')).toEqual(['EU 2018-05-25']);
    expect(versions('NL', '2021-06-30T12:00:00Z')).toEqual(['EU 2018-05-25']);
    expect(versions('constructor', '2026-01-01T12:00:00Z')).toEqual(['EU 2018-05-25']);
  });

  it('refuses a moment before the GDPR applied', () => {
    expect(() => packsInForce('BE', new Date('2018-05-24T12:00:00Z'))).toThrow(/no EU rule pack/);
  });

  it('each rule names the version that states it; the national pack overrides the baseline', () => {
    const fr = rulesInForce('FR', new Date('2024-01-10T12:00:00Z'));
    expect(fr.refusalCooldownDays).toEqual({ value: 60, rulePack: 'FR', ruleVersion: '2023-03-01' });
    expect(fr.retryAfterNoAnswerHours).toEqual({ value: 24, rulePack: 'EU', ruleVersion: '2018-05-25' });
    expect(rulesInForce('BE', new Date('2024-01-10T12:00:00Z')).dncRegistry.value).toMatchObject({ registry: 'BE_DNCM', maxScrubAgeDays: 5 });
  });

  it('every version has sources and a unique version per pack', () => {
    const all = allRulePackVersions();
    expect(all.every((version) => version.sources.length > 0)).toBe(true);
    expect(new Set(all.map((version) => `${version.pack} ${version.version}`)).size).toBe(all.length);
  });
});

describe('adequacyFor', () => {
  it('the EEA needs nothing; Morocco needs a safeguard; Japan has a decision', () => {
    expect(adequacyFor('NO', new Date('2026-01-01'))).toBe('EEA');
    expect(adequacyFor('MA', new Date('2026-01-01'))).toBeNull();
    expect(adequacyFor('JP', new Date('2026-01-01'))).toMatchObject({ decision: '(EU) 2019/419' });
    expect(adequacyFor('JP', new Date('2018-12-01'))).toBeNull();
  });

  it('the US: Privacy Shield until Schrems II, the DPF from 2023-07-10, for certified organisations only', () => {
    expect(adequacyFor('US', new Date('2019-01-01'), true)).not.toBeNull();
    expect(adequacyFor('US', new Date('2020-08-01'), true)).toBeNull();
    expect(adequacyFor('US', new Date('2024-01-01'), true)).not.toBeNull();
    expect(adequacyFor('US', new Date('2024-01-01'))).toBeNull();
  });
});

describe('isPublicHoliday (date-holidays)', () => {
  it('knows the national days of FR, BE and NL, and not ordinary days', () => {
    expect(isPublicHoliday('FR', '2026-07-14')).toBe(true);
    expect(isPublicHoliday('BE', '2026-07-21')).toBe(true);
    expect(isPublicHoliday('NL', '2026-04-27')).toBe(true);
    expect(isPublicHoliday('FR', '2026-07-15')).toBe(false);
    expect(isPublicHoliday('FR', '2026-05-31')).toBe(false); // Mothers' Day is an observance, not a public holiday
  });
});
