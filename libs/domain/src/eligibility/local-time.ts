/**
 * Wall-clock time in a contact's time zone, fast enough for a batch of 10,000 checks: the zone's UTC
 * offset comes from luxon once per zone and quarter hour, then plain UTC arithmetic on a shifted instant.
 */
import { DateTime } from 'luxon';

const MINUTE_MS = 60_000;
/** Offsets change at most every quarter hour in any zone's rules (e.g. +05:45 zones). */
const BUCKET_MS = 15 * MINUTE_MS;
const MAX_CACHED_OFFSETS = 100_000;

const offsets = new Map<string, number>();
const validZones = new Set<string>();

export function isValidZone(zone: string): boolean {
  if (validZones.has(zone)) return true;
  const valid = DateTime.now().setZone(zone).isValid;
  if (valid) validZones.add(zone);
  return valid;
}

/** The zone's offset from UTC in minutes at an instant. */
function offsetMinutes(zone: string, utcMs: number): number {
  const key = `${zone}|${Math.floor(utcMs / BUCKET_MS)}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    if (offsets.size >= MAX_CACHED_OFFSETS) offsets.clear();
    offset = DateTime.fromMillis(utcMs, { zone }).offset;
    offsets.set(key, offset);
  }
  return offset;
}

/** A local wall-clock time, encoded as if it were UTC (so UTC getters read local fields). */
export type WallClock = number;

export function toWallClock(utcMs: number, zone: string): WallClock {
  return utcMs + offsetMinutes(zone, utcMs) * MINUTE_MS;
}

/** The instant of a wall-clock time in the zone (times in a DST gap move forward by the gap). */
export function fromWallClock(wall: WallClock, zone: string): number {
  const guess = wall - offsetMinutes(zone, wall) * MINUTE_MS;
  return wall - offsetMinutes(zone, guess) * MINUTE_MS;
}

/** `YYYY-MM-DD` of a wall-clock time. */
export function wallDay(wall: WallClock): string {
  return new Date(wall).toISOString().slice(0, 10);
}

/** ISO weekday 1 (Monday) … 7 (Sunday). */
export function wallWeekday(wall: WallClock): number {
  return new Date(wall).getUTCDay() || 7;
}

export function startOfWallDay(wall: WallClock): WallClock {
  return wall - (((wall % 86_400_000) + 86_400_000) % 86_400_000);
}

/** `YYYY-MM-DD HH:mm` of a wall-clock time. */
export function formatWall(wall: WallClock): string {
  return new Date(wall).toISOString().slice(0, 16).replace('T', ' ');
}
