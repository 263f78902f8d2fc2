import type { GCProfiler } from 'node:v8';

export type GcStatistic = ReturnType<GCProfiler['stop']>['statistics'][number];

const OLD_SPACES = new Set(['old_space', 'large_object_space']);
const oldSpaceUsed = (side: GcStatistic['beforeGC']) =>
  side.heapSpaceStatistics.filter((space) => OLD_SPACES.has(space.spaceName)).reduce((sum, space) => sum + space.spaceUsedSize, 0);

/**
 * Bytes allocated (the heap's growth between collections, summed) and promoted (the old spaces'
 * growth during scavenges) from the GC profiler's before/after statistics of each collection, for a
 * stretch that began with `usedAtStart` and ended with `usedAtEnd` bytes of heap in use.
 */
export function heapAllocation(statistics: readonly GcStatistic[], usedAtStart: number, usedAtEnd: number) {
  let allocated = 0;
  let promoted = 0;
  let usedAfterLast = usedAtStart;
  for (const gc of statistics) {
    allocated += Math.max(0, gc.beforeGC.heapStatistics.usedHeapSize - usedAfterLast);
    usedAfterLast = gc.afterGC.heapStatistics.usedHeapSize;
    if (gc.gcType === 'Scavenge') promoted += Math.max(0, oldSpaceUsed(gc.afterGC) - oldSpaceUsed(gc.beforeGC));
  }
  allocated += Math.max(0, usedAtEnd - usedAfterLast);
  return { allocated, promoted };
}
