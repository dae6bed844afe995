import type { CollectContext } from '../../collect/context.js';
import type { InventoryRegion, InventorySnapshot } from '../../snapshot/inventory.js';
import { collectConfigCounts } from './config-counts.js';
import { collectResourceExplorerCounts } from './resource-explorer.js';

/** What exists in each region in scope, from AWS Config or, where Config records nothing, Resource Explorer. */
export async function collectInventory(ctx: CollectContext): Promise<InventorySnapshot> {
  const entries = await Promise.all(ctx.regions.map(async (region) => [region, await collectRegion(ctx, region)] as const));
  return { regions: Object.fromEntries(entries) };
}

async function collectRegion(ctx: CollectContext, region: string): Promise<InventoryRegion> {
  const config = await collectConfigCounts(ctx, region);
  if (config.data && config.data.length > 0) return { config };
  return { config, resourceExplorer: await collectResourceExplorerCounts(ctx, region) };
}
