import { z } from 'zod';

/** How many resources of one type exist in a region. */
export const ResourceCountSchema = z.object({ resourceType: z.string(), count: z.number().int().nonnegative() });
export type ResourceCount = z.infer<typeof ResourceCountSchema>;

export const INVENTORY_SOURCES = ['config', 'resource-explorer', 'unavailable'] as const;

/**
 * What a run did and did not look at in one region: the resource types present (from the region's
 * inventory) split into those some finding of the run is about and those none is. "No failures" means
 * "no failures in what we checked"; `unassessed` is what we did not check.
 */
export const RegionCoverageSchema = z.object({
  accountId: z.string(),
  region: z.string(),
  source: z.enum(INVENTORY_SOURCES).describe('where the inventory came from: AWS Config, Resource Explorer, or none'),
  /** Why there is no inventory (only with source `unavailable`). */
  reason: z.string().optional(),
  /** Present and assessed by at least one finding of the run, most numerous first. */
  assessed: z.array(ResourceCountSchema),
  /** Present but assessed by no finding of the run, most numerous first. */
  unassessed: z.array(ResourceCountSchema),
});
export type RegionCoverage = z.infer<typeof RegionCoverageSchema>;
