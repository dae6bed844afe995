import { z } from 'zod';
import { ResourceCountSchema } from '../model/coverage.js';
import { collectedSchema } from './collected.js';

/**
 * What exists in a region, whatever our checks look at: the answer to "what does this audit not see?".
 * AWS Config's discovered-resource counts where a recorder has recorded anything; otherwise Resource
 * Explorer's default view (`data: null`: the region has no default view, so no inventory).
 */
export const InventoryRegionSchema = z.object({
  config: collectedSchema(z.array(ResourceCountSchema)),
  /** Asked only when AWS Config reported nothing (no recorder) or failed. */
  resourceExplorer: collectedSchema(z.array(ResourceCountSchema).nullable()).optional(),
});
export type InventoryRegion = z.infer<typeof InventoryRegionSchema>;

export const InventorySnapshotSchema = z.object({
  regions: z.record(z.string(), InventoryRegionSchema),
});
export type InventorySnapshot = z.infer<typeof InventorySnapshotSchema>;
