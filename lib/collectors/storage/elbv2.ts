import {
  ElasticLoadBalancingV2Client,
  paginateDescribeListeners,
  paginateDescribeLoadBalancers,
  type Listener as SdkListener,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { attemptPages, type CollectContext } from '../../collect/context.js';
import type { Listener, StorageRegion } from '../../snapshot/storage.js';
import { mapCollected, thenCollected } from '../../snapshot/collected.js';
import { target } from '../../collect/context.js';

export async function collectElbv2(ctx: CollectContext, region: string): Promise<Pick<StorageRegion, 'loadBalancers'>> {
  const client = ctx.clients.get(ElasticLoadBalancingV2Client, region);
  const pages = await attemptPages(ctx, target('elbv2', region, 'DescribeLoadBalancers'), () =>
    paginateDescribeLoadBalancers({ client }, {}),
  );
  const loadBalancers = await thenCollected(pages, (data) =>
    Promise.all(
      data
        .flatMap((p) => p.LoadBalancers ?? [])
        .flatMap((lb) => (lb.LoadBalancerArn ? [{ ...lb, arn: lb.LoadBalancerArn }] : []))
        .map(async (lb) => {
          const listenerPages = await attemptPages(ctx, target('elbv2', region, 'DescribeListeners', lb.arn), () =>
            paginateDescribeListeners({ client }, { LoadBalancerArn: lb.arn }),
          );
          return {
            arn: lb.arn,
            name: lb.LoadBalancerName ?? lb.arn,
            type: lb.Type ?? 'unknown',
            listeners: mapCollected(listenerPages, (ps) => ps.flatMap((p) => p.Listeners ?? []).map(toListener)),
          };
        }),
    ),
  );
  return { loadBalancers };
}

function toListener(l: SdkListener): Listener {
  const protocol = l.Protocol ?? 'unknown';
  return {
    arn: l.ListenerArn ?? 'unknown',
    port: l.Port ?? null,
    protocol,
    // HTTP listeners can report a policy (moto does); it only matters for TLS protocols.
    sslPolicy: protocol === 'HTTPS' || protocol === 'TLS' ? (l.SslPolicy ?? null) : null,
    redirectsToHttps: (l.DefaultActions ?? []).some(
      (a) => a.Type === 'redirect' && a.RedirectConfig?.Protocol === 'HTTPS',
    ),
  };
}
