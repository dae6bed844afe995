import {
  DescribeLoadBalancerAttributesCommand,
  ElasticLoadBalancingV2Client,
  paginateDescribeListeners,
  paginateDescribeLoadBalancers,
  type Listener as SdkListener,
  type LoadBalancer as SdkLoadBalancer,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { GetWebACLForResourceCommand, WAFV2Client } from '@aws-sdk/client-wafv2';
import { attempt, attemptPages, target, type CollectContext } from '../../collect/context.js';
import { mapCollected, thenCollected } from '../../snapshot/collected.js';
import type { EdgeRegion, Listener, LoadBalancer } from '../../snapshot/edge.js';

/**
 * One DescribeLoadBalancers listing, then per load balancer DescribeListeners and
 * DescribeLoadBalancerAttributes (AWS has no batch form of either), and for internet-facing ALBs only
 * wafv2:GetWebACLForResource.
 *
 * Why GetWebACLForResource per ALB rather than ListWebACLs + ListResourcesForWebACL per web ACL: the
 * latter is fewer calls only while web ACLs outnumber nothing but a handful of ALBs, and it answers
 * "which resources does this ACL protect" for ACLs in this region only; asking per internet-facing ALB
 * gives the exact answer for the resource judged, costs nothing for internal load balancers, and is
 * the call moto emulates (ListResourcesForWebACL is not), so the check is tested end to end.
 */
export async function collectElbv2(ctx: CollectContext, region: string): Promise<Pick<EdgeRegion, 'loadBalancers'>> {
  const client = ctx.clients.get(ElasticLoadBalancingV2Client, region);
  const pages = await attemptPages(ctx, target('elbv2', region, 'DescribeLoadBalancers'), () =>
    paginateDescribeLoadBalancers({ client }, {}),
  );
  const loadBalancers = await thenCollected(pages, (data) =>
    Promise.all(
      data
        .flatMap((p) => p.LoadBalancers ?? [])
        .flatMap((lb) => (lb.LoadBalancerArn ? [{ ...lb, arn: lb.LoadBalancerArn }] : []))
        .map((lb) => collectLoadBalancer(ctx, region, client, lb)),
    ),
  );
  return { loadBalancers };
}

async function collectLoadBalancer(
  ctx: CollectContext,
  region: string,
  client: ElasticLoadBalancingV2Client,
  lb: SdkLoadBalancer & { arn: string },
): Promise<LoadBalancer> {
  const type = lb.Type ?? 'unknown';
  const scheme = lb.Scheme ?? 'unknown';
  const [listenerPages, attributes, webAcl] = await Promise.all([
    attemptPages(ctx, target('elbv2', region, 'DescribeListeners', lb.arn), () =>
      paginateDescribeListeners({ client }, { LoadBalancerArn: lb.arn }),
    ),
    attempt(ctx, target('elbv2', region, 'DescribeLoadBalancerAttributes', lb.arn), () =>
      client.send(new DescribeLoadBalancerAttributesCommand({ LoadBalancerArn: lb.arn })),
    ),
    type === 'application' && scheme === 'internet-facing' ? collectWebAcl(ctx, region, lb.arn) : Promise.resolve(undefined),
  ]);
  return {
    arn: lb.arn,
    name: lb.LoadBalancerName ?? lb.arn,
    type,
    scheme,
    listeners: mapCollected(listenerPages, (ps) => ps.flatMap((p) => p.Listeners ?? []).map(toListener)),
    attributes: mapCollected(attributes, (r) =>
      Object.fromEntries((r.Attributes ?? []).flatMap((a) => (a.Key ? [[a.Key, a.Value ?? '']] : []))),
    ),
    ...(webAcl ? { webAcl } : {}),
  };
}

async function collectWebAcl(ctx: CollectContext, region: string, resourceArn: string) {
  const client = ctx.clients.get(WAFV2Client, region);
  const response = await attempt(ctx, target('wafv2', region, 'GetWebACLForResource', resourceArn), () =>
    client.send(new GetWebACLForResourceCommand({ ResourceArn: resourceArn })),
  );
  return mapCollected(response, (r) => r.WebACL?.ARN ?? null);
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
    certificateArns: (l.Certificates ?? []).flatMap((c) => (c.CertificateArn ? [c.CertificateArn] : [])),
  };
}
