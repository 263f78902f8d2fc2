import Holidays from 'date-holidays';

const DAY_MS = 86_400_000;

/** Public holidays (type `public` of date-holidays) of a country and year, as days since 1970-01-01. */
const cache = new Map<string, ReadonlySet<number>>();

function publicHolidays(country: string, year: number): ReadonlySet<number> {
  const key = `${country}:${year}`;
  let days = cache.get(key);
  if (!days) {
    const holidays = new Holidays(country).getHolidays(year) ?? [];
    days = new Set(
      holidays
        .filter((holiday) => holiday.type === 'public')
        .map((holiday) => Date.parse(`${holiday.date.slice(0, 10)}T00:00:00Z`) / DAY_MS),
    );
    cache.set(key, days);
  }
  return days;
}

/**
 * Whether a local calendar day, counted in days since 1970-01-01 in the contact's time zone, is a
 * public holiday of the country. Countries date-holidays does not know have none.
 */
export function isPublicHolidayOnDay(country: string, epochDay: number): boolean {
  const year = new Date(epochDay * DAY_MS).getUTCFullYear();
  return publicHolidays(country.toUpperCase(), year).has(epochDay);
}

/** Whether a local calendar day (`YYYY-MM-DD`) is a public holiday of the country. */
export function isPublicHoliday(country: string, localDay: string): boolean {
  return isPublicHolidayOnDay(country, Date.parse(`${localDay}T00:00:00Z`) / DAY_MS);
}
