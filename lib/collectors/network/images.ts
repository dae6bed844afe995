import { EC2Client, paginateDescribeImages } from '@aws-sdk/client-ec2';
import { attemptPages, target, type CollectContext } from '../../collect/context.js';
import { mapCollected } from '../../snapshot/collected.js';
import type { NetworkRegion } from '../../snapshot/network.js';

/**
 * AMIs this account owns. The listing's own `Public` field says whether launch permission is granted to
 * everyone, so no DescribeImageAttribute per image is needed.
 */
export async function collectImages(ctx: CollectContext, region: string): Promise<Pick<NetworkRegion, 'images'>> {
  const client = ctx.clients.get(EC2Client, region);
  const pages = await attemptPages(ctx, target('ec2', region, 'DescribeImages'), () =>
    paginateDescribeImages({ client }, { Owners: ['self'] }),
  );
  return {
    images: mapCollected(pages, (all) =>
      all
        .flatMap((p) => p.Images ?? [])
        .flatMap((image) =>
          image.ImageId
            ? [
                {
                  id: image.ImageId,
                  // AMI ARNs carry no account id.
                  arn: `arn:${ctx.partition}:ec2:${region}::image/${image.ImageId}`,
                  name: image.Name ?? null,
                  public: image.Public === true,
                },
              ]
            : [],
        ),
    ),
  };
}
