import { DescribeBackupPolicyCommand, DescribeFileSystemPolicyCommand, type EFSClient } from '@aws-sdk/client-efs';
import { attemptOrAbsent, target, type CollectContext } from '../../collect/context.js';
import { mapCollected } from '../../snapshot/collected.js';
import type { StorageRegion } from '../../snapshot/storage.js';
import { deniesInsecureTransportAnyAction } from './efs-policy-tls.js';

type FileSystemPolicies = Pick<NonNullable<StorageRegion['fileSystems']['data']>[number], 'backupPolicy' | 'policy'>;

/**
 * Automatic backups and the file system policy: EFS has no call that returns either for all file
 * systems, so these are two calls per file system. PolicyNotFound means "none" for both.
 */
export async function collectFileSystemPolicies(
  ctx: CollectContext,
  client: EFSClient,
  region: string,
  id: string,
): Promise<FileSystemPolicies> {
  const [backup, policy] = await Promise.all([
    attemptOrAbsent(ctx, target('efs', region, 'DescribeBackupPolicy', id), ['PolicyNotFound'], () =>
      client.send(new DescribeBackupPolicyCommand({ FileSystemId: id })),
    ),
    attemptOrAbsent(ctx, target('efs', region, 'DescribeFileSystemPolicy', id), ['PolicyNotFound'], () =>
      client.send(new DescribeFileSystemPolicyCommand({ FileSystemId: id })),
    ),
  ]);
  return {
    backupPolicy: mapCollected(backup, (r) => r?.BackupPolicy?.Status ?? null),
    policy: mapCollected(policy, (r) => (r?.Policy ? { deniesInsecureTransport: deniesInsecureTransportAnyAction(r.Policy) } : null)),
  };
}
