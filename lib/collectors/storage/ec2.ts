import {
  DescribeSnapshotAttributeCommand,
  EC2Client,
  GetEbsEncryptionByDefaultCommand,
  paginateDescribeSnapshots,
  paginateDescribeVolumes,
} from '@aws-sdk/client-ec2';
import { attempt, attemptPages, type CollectContext } from '../../collect/context.js';
import type { StorageRegion } from '../../snapshot/storage.js';
import { mapCollected, thenCollected } from '../../snapshot/collected.js';
import { target } from '../../collect/context.js';
import { collectEc2Instances } from './ec2-instances.js';
import { tagRecord } from './tags.js';

type Ec2Part = Pick<StorageRegion, 'ebsEncryptionByDefault' | 'volumes' | 'snapshots' | 'ec2Instances'>;

export async function collectEc2(ctx: CollectContext, region: string): Promise<Ec2Part> {
  const client = ctx.clients.get(EC2Client, region);
  const arn = (kind: string, id: string) => `arn:${ctx.partition}:ec2:${region}:${ctx.accountId}:${kind}/${id}`;

  const [byDefault, volumePages, snapshotPages, ec2Instances] = await Promise.all([
    attempt(ctx, target('ec2', region, 'GetEbsEncryptionByDefault'), () =>
      client.send(new GetEbsEncryptionByDefaultCommand({})),
    ),
    attemptPages(ctx, target('ec2', region, 'DescribeVolumes'), () => paginateDescribeVolumes({ client }, {})),
    // Only snapshots this account owns; public snapshots of others are not our exposure.
    attemptPages(ctx, target('ec2', region, 'DescribeSnapshots'), () =>
      paginateDescribeSnapshots({ client }, { OwnerIds: ['self'] }),
    ),
    collectEc2Instances(ctx, client, region),
  ]);

  const snapshots = await thenCollected(snapshotPages, (pages) =>
    Promise.all(
      pages
        .flatMap((p) => p.Snapshots ?? [])
        .flatMap((s) => (s.SnapshotId ? [{ id: s.SnapshotId, encrypted: s.Encrypted === true }] : []))
        .map(async ({ id, encrypted }) => {
          const attr = await attempt(ctx, target('ec2', region, 'DescribeSnapshotAttribute', id), () =>
            client.send(new DescribeSnapshotAttributeCommand({ SnapshotId: id, Attribute: 'createVolumePermission' })),
          );
          const isPublic = mapCollected(attr, (r) => (r.CreateVolumePermissions ?? []).some((p) => p.Group === 'all'));
          return { id, arn: arn('snapshot', id), encrypted, public: isPublic };
        }),
    ),
  );

  return {
    ebsEncryptionByDefault: mapCollected(byDefault, (r) => r.EbsEncryptionByDefault === true),
    volumes: mapCollected(volumePages, (pages) =>
      pages
        .flatMap((p) => p.Volumes ?? [])
        .flatMap((v) =>
          v.VolumeId
            ? [{ id: v.VolumeId, arn: arn('volume', v.VolumeId), encrypted: v.Encrypted === true, state: v.State ?? 'unknown', tags: tagRecord(v.Tags) }]
            : [],
        ),
    ),
    snapshots,
    ec2Instances,
  };
}
