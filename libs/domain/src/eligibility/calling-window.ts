import { isPublicHoliday, isPublicHolidayOnDay } from '../rule-packs/holidays';
import type { CallingHours } from '../rule-packs/rule-pack';
import { formatWall, fromWallClock, startOfWallDay, toWallClock, wallDay, wallWeekday, type WallClock } from './local-time';

/** How far ahead to look for an opening; a rule with no opening in this span never opens. */
const SEARCH_DAYS = 31;
const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

interface Span {
  fromMs: number;
  toMs: number;
}

function minutesOf(hhmm: string): number {
  const [hours, minutes] = hhmm.split(':').map(Number);
  return hours! * 60 + minutes!;
}

/** Each weekday's windows as offsets from local midnight, earliest first; computed once per rule. */
const spansByWeekday = new WeakMap<CallingHours, Span[][]>();

function spansOf(hours: CallingHours): Span[][] {
  let spans = spansByWeekday.get(hours);
  if (!spans) {
    spans = [0, 1, 2, 3, 4, 5, 6, 7].map((weekday) =>
      hours.windows
        .filter((window) => (window.days as readonly number[]).includes(weekday))
        .map((window) => ({ fromMs: minutesOf(window.from) * MINUTE_MS, toMs: minutesOf(window.to) * MINUTE_MS }))
        .sort((a, b) => a.fromMs - b.fromMs),
    );
    spansByWeekday.set(hours, spans);
  }
  return spans;
}

function spansOn(day: WallClock, hours: CallingHours, country: string | null): Span[] {
  if (hours.noPublicHolidays && country && isPublicHolidayOnDay(country, day / DAY_MS)) return [];
  return spansOf(hours)[wallWeekday(day)]!;
}

/**
 * The answers of a pure function of (instant, zone, country) per calling-hours rule, kept for the
 * instants asked last: every number of a batch is evaluated at the same instant, so its opening and
 * its local time are computed once per zone and country, not once per number.
 */
const MAX_REMEMBERED = 1_000;

function remembered<T>(cache: Map<string, T>, key: string, compute: () => T): T {
  let value = cache.get(key);
  if (value === undefined && !cache.has(key)) {
    if (cache.size >= MAX_REMEMBERED) cache.clear();
    value = compute();
    cache.set(key, value);
  }
  return value as T;
}

const openings = new WeakMap<CallingHours, Map<string, number | null>>();
/** The last opening asked, checked first: the numbers of a batch mostly share one zone. */
let lastOpening: { atMs: number; zone: string; country: string | null; hours: CallingHours | null; opening: number | null } = {
  atMs: Number.NaN,
  zone: '',
  country: null,
  hours: null,
  opening: null,
};

/**
 * The first instant at or after `atMs` that falls inside the calling hours, in the contact's time zone
 * (`atMs` itself when it is inside). Null when no window opens within a month.
 */
export function nextOpening(atMs: number, zone: string, country: string | null, hours: CallingHours): number | null {
  const last = lastOpening;
  if (last.atMs === atMs && last.zone === zone && last.country === country && last.hours === hours) return last.opening;
  let cache = openings.get(hours);
  if (!cache) {
    cache = new Map();
    openings.set(hours, cache);
  }
  const opening = remembered(cache, `${atMs}|${zone}|${country}`, () => searchOpening(atMs, zone, country, hours));
  lastOpening = { atMs, zone, country, hours, opening };
  return opening;
}

function searchOpening(atMs: number, zone: string, country: string | null, hours: CallingHours): number | null {
  const firstDay = startOfWallDay(toWallClock(atMs, zone));
  for (let offset = 0; offset < SEARCH_DAYS; offset++) {
    const day = firstDay + offset * DAY_MS;
    for (const span of spansOn(day, hours, country)) {
      // Set on the wall clock, not added to an instant, so a DST change does not shift the window.
      const start = fromWallClock(day + span.fromMs, zone);
      const end = fromWallClock(day + span.toMs, zone);
      if (atMs < end) return Math.max(atMs, start);
    }
  }
  return null;
}

const WEEKDAY_NAMES = ['', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

function dayRange(days: readonly number[]): string {
  const sorted = [...days].sort();
  const contiguous = sorted.every((day, i) => i === 0 || day === sorted[i - 1]! + 1);
  return contiguous && sorted.length > 1
    ? `${WEEKDAY_NAMES[sorted[0]!]}–${WEEKDAY_NAMES[sorted.at(-1)!]}`
    : sorted.map((day) => WEEKDAY_NAMES[day]).join(', ');
}

const descriptions = new WeakMap<CallingHours, string>();

/** "Mon–Fri 10:00–13:00, Mon–Fri 14:00–20:00, no public holidays" */
export function describeHours(hours: CallingHours): string {
  let description = descriptions.get(hours);
  if (description === undefined) {
    const windows = hours.windows.map((window) => `${dayRange(window.days)} ${window.from}–${window.to}`);
    description = [...windows, ...(hours.noPublicHolidays ? ['no public holidays'] : [])].join(', ');
    descriptions.set(hours, description);
  }
  return description;
}

const localTimes = new Map<string, string>();

/**
 * "Tue 2026-07-14 13:30 Europe/Paris (public holiday in FR)". Written to the minute, so kept per
 * minute: single checks each ask at their own millisecond, and one entry per check would only fill
 * the memory with strings that outlive their request. (Offsets are read per quarter hour anyway.)
 */
export function describeLocalTime(atMs: number, zone: string, country: string | null): string {
  const minuteMs = Math.floor(atMs / MINUTE_MS) * MINUTE_MS;
  const last = lastLocalTime;
  if (last.minuteMs === minuteMs && last.zone === zone && last.country === country) return last.description;
  const description = remembered(localTimes, `${minuteMs}|${zone}|${country}`, () => writeLocalTime(minuteMs, zone, country));
  lastLocalTime = { minuteMs, zone, country, description };
  return description;
}

/** The last local time described, checked first: the numbers of a batch mostly share one zone. */
let lastLocalTime = { minuteMs: Number.NaN, zone: '', country: null as string | null, description: '' };

function writeLocalTime(atMs: number, zone: string, country: string | null): string {
  const wall = toWallClock(atMs, zone);
  const holiday = country && isPublicHoliday(country, wallDay(wall)) ? ` (public holiday in ${country})` : '';
  return `${WEEKDAY_NAMES[wallWeekday(wall)]} ${formatWall(wall)} ${zone}${holiday}`;
}
