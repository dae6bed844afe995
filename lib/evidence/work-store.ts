import { S3Client } from '@aws-sdk/client-s3';
import { z } from 'zod';
import type { AwsClientFactory } from '../aws/clients.js';
import { canonicalJson } from './canonical-json.js';
import { targetListKey } from './layout.js';
import { getObjectBytes, putImmutable } from './s3-objects.js';

/** One account of a run and the scans it is split into (one per region; the first also collects global services). */
export const AccountTargetSchema = z.object({
  accountId: z.string(),
  units: z.array(z.object({ accountId: z.string(), regions: z.array(z.string()).min(1), includeGlobal: z.boolean() })).min(1),
});
export type AccountTarget = z.infer<typeof AccountTargetSchema>;

/** Where the Distributed Map's ItemReader finds the target list. */
export interface TargetListLocation {
  bucket: string;
  key: string;
  accounts: number;
}

/**
 * The work bucket: what the pipeline's steps hand each other through S3 instead of the state payload
 * (which would grow with the organization). Not evidence; it expires after weeks.
 */
export class S3WorkStore {
  private readonly s3: S3Client;

  constructor(private readonly options: { clients: AwsClientFactory; region: string; bucket: string }) {
    this.s3 = options.clients.get(S3Client, options.region);
  }

  /** A JSON array (the ItemReader's JSON input type); write-once, so a retried ResolveTargets must produce the same list. */
  async writeTargetList(runId: string, targets: readonly AccountTarget[]): Promise<TargetListLocation> {
    const key = targetListKey(runId);
    await putImmutable(this.s3, this.options.bucket, { key, body: Buffer.from(canonicalJson(targets)), contentType: 'application/json' });
    return { bucket: this.options.bucket, key, accounts: targets.length };
  }

  async readTargetList(runId: string): Promise<AccountTarget[]> {
    const bytes = await getObjectBytes(this.s3, this.options.bucket, targetListKey(runId));
    return z.array(AccountTargetSchema).parse(JSON.parse(bytes.toString('utf8')));
  }
}
