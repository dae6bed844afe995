import pLimit from 'p-limit';
import { progressCounter, type ProgressLog } from '../progress.js';

/** One unit of seeding work; calls inside a task run in order (e.g. user, then its login profile). */
export type SeedTask = () => Promise<void>;

export interface SeedGroup {
  label: string;
  tasks: SeedTask[];
}

/**
 * Runs every group's tasks through one shared limit, so moto always has `concurrency` requests in
 * flight. p-limit is FIFO, so groups run roughly one after another; the span from a group's first
 * task start to its last task end is therefore close to the time that resource type costs moto.
 */
export async function runSeedGroups(groups: readonly SeedGroup[], concurrency: number, log: ProgressLog): Promise<Record<string, number>> {
  const limit = pLimit(concurrency);
  const seconds: Record<string, number> = {};
  await Promise.all(
    groups.map(async (group) => {
      let firstStart = Number.POSITIVE_INFINITY;
      const tick = progressCounter(log, group.label, group.tasks.length);
      await Promise.all(
        group.tasks.map((task) =>
          limit(async () => {
            firstStart = Math.min(firstStart, performance.now());
            await task();
            tick();
          }),
        ),
      );
      seconds[group.label] = group.tasks.length === 0 ? 0 : (performance.now() - firstStart) / 1000;
    }),
  );
  return seconds;
}

/** Zero-padded, sortable names: `bench-user-00042`. */
export function seqName(prefix: string, i: number): string {
  return `${prefix}-${String(i).padStart(5, '0')}`;
}

export function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}
