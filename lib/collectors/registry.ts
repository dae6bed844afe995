import type { CollectContext } from '../collect/context.js';
import type { AccountSnapshot, SnapshotFamily } from '../snapshot/schema.js';
import { collectData } from './data/index.js';
import { collectExternal } from './external/index.js';
import { collectIam } from './iam/index.js';
import { collectInventory } from './inventory/index.js';
import { collectLogging } from './logging/index.js';
import { collectNetwork } from './network/index.js';
import { collectStorage } from './storage/index.js';
import { collectEdge } from './edge/index.js';
import { collectCompute } from './compute/index.js';

export interface FamilyCollector<F extends SnapshotFamily> {
  /** Shown in progress lines: what this family reads. */
  label: string;
  collect(ctx: CollectContext): Promise<AccountSnapshot[F]>;
}

/** The one list of collectors, one per snapshot family (lib/snapshot/schema.ts). */
export const COLLECTORS: { readonly [F in SnapshotFamily]: FamilyCollector<F> } = {
  iam: { label: 'IAM and account', collect: collectIam },
  logging: { label: 'logging and monitoring', collect: collectLogging },
  storage: { label: 'encryption, storage and network', collect: collectStorage },
  external: { label: 'external access and business associates', collect: collectExternal },
  data: { label: 'analytics and data services', collect: collectData },
  network: { label: 'VPC network exposure and EC2', collect: collectNetwork },
  edge: { label: 'load balancers, CloudFront and WAF', collect: collectEdge },
  compute: { label: 'Lambda, API Gateway and containers', collect: collectCompute },
  inventory: { label: 'resource inventory (what exists, assessed or not)', collect: collectInventory },
};

/** Runs the collectors of `families` concurrently; the result is keyed by family. */
export async function collectFamilies(
  ctx: CollectContext,
  families: readonly SnapshotFamily[],
  onCollected?: (family: SnapshotFamily, seconds: number) => void,
): Promise<Partial<Pick<AccountSnapshot, SnapshotFamily>>> {
  const entries = await Promise.all(
    families.map(async (family) => {
      const started = Date.now();
      const part = await COLLECTORS[family].collect(ctx);
      onCollected?.(family, (Date.now() - started) / 1000);
      return [family, part] as const;
    }),
  );
  return Object.fromEntries(entries);
}
