import type { CallingHours, PackRules, RulePackVersion } from './rule-pack';

const WEEKDAYS = [1, 2, 3, 4, 5] as const;

/** Seed 000 §3: private-usable lines only in working hours; default Mon–Fri 09:00–18:00. */
const OFFICE_HOURS: CallingHours = {
  windows: [{ days: WEEKDAYS, from: '09:00', to: '18:00' }],
  noPublicHolidays: true,
};

const EU_BASELINE: PackRules = {
  retryAfterNoAnswerHours: 24,
  similarProductCooldownDays: 30,
  refusalCooldownDays: 30,
  balancingTestRenewalMonths: 12,
  privateLineHours: OFFICE_HOURS,
  consumerHours: null,
  attemptLimit: null,
  dncRegistry: null,
  // The UK Telephone Preference Service: screen at least every 28 days (PECR reg. 21, ICO guidance).
  otherDncRegistries: {
    GB: { registry: 'UK_TPS', maxScrubAgeDays: 28, audiences: ['B2B', 'B2C'], ongoingContractExempt: false },
  },
  optIn: null,
};

export const EU_PACK: readonly RulePackVersion[] = [
  {
    pack: 'EU',
    version: '2018-05-25',
    effectiveFrom: '2018-05-25',
    timeZone: 'Europe/Brussels',
    title: 'GDPR baseline: objection, erasure, legitimate interest, processors, transfers; calling defaults',
    sources: [
      'GDPR (Regulation (EU) 2016/679) Art. 6(1)(f), 17, 21, 28, 44–46',
      '000_2ce32cc19c06cf00.txt §2–§5',
      '001_a2d7fae64b4fec7b.txt',
      '002_62ceb3864736915a.txt',
      '004_90014f5aa3bab032.txt',
    ],
    rules: EU_BASELINE,
  },
];

export const BE_PACK: readonly RulePackVersion[] = [
  {
    pack: 'BE',
    version: '2018-05-25',
    effectiveFrom: '2018-05-25',
    timeZone: 'Europe/Brussels',
    title: 'Belgium: Do Not Call Me list (DNCM), scrub at most 5 days old',
    sources: ['000_2ce32cc19c06cf00.txt §3 (dncm.be)', 'Code of Economic Law Art. VI.110–VI.111'],
    rules: {
      dncRegistry: { registry: 'BE_DNCM', maxScrubAgeDays: 5, audiences: ['B2B', 'B2C'], ongoingContractExempt: false },
    },
  },
];

const NL_OPT_IN_2021 = {
  dncRegistry: null,
  optIn: {
    audiences: ['B2C'],
    customerException: { sectors: null, termMonths: 36 },
    ongoingContractException: false,
  },
} satisfies Partial<PackRules>;

export const NL_PACK: readonly RulePackVersion[] = [
  {
    pack: 'NL',
    version: '2021-07-01',
    effectiveFrom: '2021-07-01',
    timeZone: 'Europe/Amsterdam',
    title: 'Netherlands: opt-in for natural persons, customer exception within the CTM customer term (3 years)',
    sources: ['Telecommunicatiewet art. 11.7 (opt-in from 2021-07-01; the Bel-me-niet Register ended that day)', 'Code Telemarketing 2020 (CTM)', '003_c7167e8accc3badc.txt'],
    rules: NL_OPT_IN_2021,
  },
  {
    pack: 'NL',
    version: '2026-07-01',
    effectiveFrom: '2026-07-01',
    timeZone: 'Europe/Amsterdam',
    title: 'Netherlands: the customer exception no longer covers commercial telemarketing (charities, lotteries, press only)',
    sources: ['Telecommunicatiewet art. 11.7; end of the customer exception for commercial sectors on 2026-07-01 (domain.md, research)', '003_c7167e8accc3badc.txt'],
    rules: {
      ...NL_OPT_IN_2021,
      optIn: {
        ...NL_OPT_IN_2021.optIn,
        customerException: { sectors: ['charity', 'lottery', 'press'], termMonths: 36 },
      },
    },
  },
];

const BLOCTEL = {
  registry: 'FR_BLOCTEL',
  maxScrubAgeDays: 30,
  audiences: ['B2C'],
  ongoingContractExempt: true,
} as const;

const FR_DECREE_2022_1313 = {
  dncRegistry: BLOCTEL,
  refusalCooldownDays: 60,
  consumerHours: {
    windows: [
      { days: WEEKDAYS, from: '10:00', to: '13:00' },
      { days: WEEKDAYS, from: '14:00', to: '20:00' },
    ],
    noPublicHolidays: true,
  },
  attemptLimit: { maxCalls: 4, perDays: 30, audiences: ['B2C'] },
} satisfies Partial<PackRules>;

export const FR_PACK: readonly RulePackVersion[] = [
  {
    pack: 'FR',
    version: '2016-06-01',
    effectiveFrom: '2016-06-01',
    timeZone: 'Europe/Paris',
    title: 'France: Bloctel opposition list for consumers, scrub at most 30 days old',
    sources: ['Code de la consommation L223-1 to L223-5', '001_a2d7fae64b4fec7b.txt'],
    rules: { dncRegistry: BLOCTEL },
  },
  {
    pack: 'FR',
    version: '2023-03-01',
    effectiveFrom: '2023-03-01',
    timeZone: 'Europe/Paris',
    title: 'France: Décret 2022-1313 — consumer hours, 4 calls per 30 days, 60 days after a refusal',
    sources: ['Décret n° 2022-1313 du 13 octobre 2022 (Code de la consommation D223-8)', 'Code de la consommation L223-1'],
    rules: FR_DECREE_2022_1313,
  },
  {
    pack: 'FR',
    version: '2026-08-11',
    effectiveFrom: '2026-08-11',
    timeZone: 'Europe/Paris',
    title: 'France: opt-in for consumer telemarketing, except an ongoing contract and a related offer',
    sources: ['Loi n° 2025-594 du 30 juin 2025 contre toutes les fraudes aux aides publiques (Code de la consommation L223-1, opt-in from 2026-08-11)'],
    rules: {
      ...FR_DECREE_2022_1313,
      optIn: { audiences: ['B2C'], customerException: null, ongoingContractException: true },
    },
  },
];

export const RULE_PACKS: Readonly<Record<string, readonly RulePackVersion[]>> = {
  EU: EU_PACK,
  BE: BE_PACK,
  NL: NL_PACK,
  FR: FR_PACK,
};
