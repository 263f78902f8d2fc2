/**
 * Where personal data may go without a transfer safeguard (GDPR Art. 45): the EEA, and countries with
 * an adequacy decision of the European Commission in force. Everywhere else needs SCC or BCR (Art. 46).
 */

/** EU 27 plus Iceland, Liechtenstein and Norway. */
export const EEA_COUNTRIES: ReadonlySet<string> = new Set([
  'AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE', 'IT', 'LV', 'LT', 'LU',
  'MT', 'NL', 'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE', 'IS', 'LI', 'NO',
]);

export interface AdequacyDecision {
  country: string;
  decision: string;
  from: string;
  /** The day a court annulled it, or it lapsed (exclusive). */
  until: string | null;
  /** The decision covers only organisations certified under this scheme. */
  requiresCertification: 'EU-US Data Privacy Framework' | 'EU-US Privacy Shield' | null;
}

export const ADEQUACY_DECISIONS: readonly AdequacyDecision[] = [
  { country: 'CH', decision: '2000/518/EC', from: '2000-07-26', until: null, requiresCertification: null },
  { country: 'CA', decision: '2002/2/EC (commercial organisations)', from: '2001-12-20', until: null, requiresCertification: null },
  { country: 'AR', decision: '2003/490/EC', from: '2003-06-30', until: null, requiresCertification: null },
  { country: 'GG', decision: '2003/821/EC', from: '2003-11-21', until: null, requiresCertification: null },
  { country: 'IM', decision: '2004/411/EC', from: '2004-04-28', until: null, requiresCertification: null },
  { country: 'JE', decision: '2008/393/EC', from: '2008-05-08', until: null, requiresCertification: null },
  { country: 'FO', decision: '2010/146/EU', from: '2010-03-05', until: null, requiresCertification: null },
  { country: 'AD', decision: '2010/625/EU', from: '2010-10-19', until: null, requiresCertification: null },
  { country: 'IL', decision: '2011/61/EU', from: '2011-01-31', until: null, requiresCertification: null },
  { country: 'UY', decision: '2012/484/EU', from: '2012-08-21', until: null, requiresCertification: null },
  { country: 'NZ', decision: '2013/65/EU', from: '2012-12-19', until: null, requiresCertification: null },
  {
    country: 'US',
    decision: '(EU) 2016/1250 Privacy Shield, annulled by CJEU C-311/18 (Schrems II)',
    from: '2016-08-01',
    until: '2020-07-16',
    requiresCertification: 'EU-US Privacy Shield',
  },
  { country: 'JP', decision: '(EU) 2019/419', from: '2019-01-23', until: null, requiresCertification: null },
  // The United Kingdom left the EU on 2020-01-31; the transition and the TCA bridge ran until the decision.
  { country: 'GB', decision: 'withdrawal agreement transition and TCA bridge', from: '2020-02-01', until: '2021-06-28', requiresCertification: null },
  { country: 'GB', decision: 'C(2021) 4800', from: '2021-06-28', until: null, requiresCertification: null },
  { country: 'KR', decision: '(EU) 2022/254', from: '2021-12-17', until: null, requiresCertification: null },
  { country: 'US', decision: '(EU) 2023/1795 EU-US Data Privacy Framework', from: '2023-07-10', until: null, requiresCertification: 'EU-US Data Privacy Framework' },
];

function inForce(decision: AdequacyDecision, isoDay: string): boolean {
  return decision.from <= isoDay && (decision.until === null || isoDay < decision.until);
}

/**
 * The adequacy decision that lets data go to `country` on `at` without SCC or BCR; `'EEA'` inside the
 * EEA; null when a safeguard is needed. A decision for certified organisations only (the US) counts
 * when the recipient relies on it (`certified`).
 */
export function adequacyFor(country: string, at: Date, certified = false): AdequacyDecision | 'EEA' | null {
  const code = country.toUpperCase();
  if (EEA_COUNTRIES.has(code)) return 'EEA';
  const isoDay = at.toISOString().slice(0, 10);
  return (
    ADEQUACY_DECISIONS.find(
      (decision) =>
        decision.country === code &&
        inForce(decision, isoDay) &&
        (decision.requiresCertification === null || certified),
    ) ?? null
  );
}
