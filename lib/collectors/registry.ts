import type { CollectContext } from '../collect/context.js';
import type { AccountSnapshot, SnapshotFamily } from '../snapshot/schema.js';
import { collectIam } from './iam/index.js';
import { collectInventory } from './inventory/index.js';
import { collectLogging } from './logging/index.js';
import { collectStorage } from './storage/index.js';

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
