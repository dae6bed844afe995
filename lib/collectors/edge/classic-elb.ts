import {
  DescribeLoadBalancerAttributesCommand,
  DescribeLoadBalancerPoliciesCommand,
  ElasticLoadBalancingClient,
  paginateDescribeLoadBalancers,
  type LoadBalancerDescription,
  type PolicyDescription,
} from '@aws-sdk/client-elastic-load-balancing';
import { attempt, attemptPages, target, type CollectContext } from '../../collect/context.js';
import { mapCollected, thenCollected } from '../../snapshot/collected.js';
import type { ClassicLoadBalancer, ClassicPolicy, EdgeRegion } from '../../snapshot/edge.js';

const TLS_PROTOCOLS = new Set(['HTTPS', 'SSL']);

/**
 * Classic ELB: one DescribeLoadBalancers listing (listeners and their policy names are in it), then per
 * load balancer DescribeLoadBalancerAttributes (access logs exist nowhere else) and, only when it has an
 * HTTPS/SSL listener, DescribeLoadBalancerPolicies (the listing names policies but not what they allow).
 */
export async function collectClassicElb(ctx: CollectContext, region: string): Promise<Pick<EdgeRegion, 'classicLoadBalancers'>> {
  const client = ctx.clients.get(ElasticLoadBalancingClient, region);
  const pages = await attemptPages(ctx, target('elb', region, 'DescribeLoadBalancers'), () =>
    paginateDescribeLoadBalancers({ client }, {}),
  );
  const classicLoadBalancers = await thenCollected(pages, (data) =>
    Promise.all(
      data
        .flatMap((p) => p.LoadBalancerDescriptions ?? [])
        .flatMap((lb) => (lb.LoadBalancerName ? [{ ...lb, name: lb.LoadBalancerName }] : []))
        .map((lb) => collectClassic(ctx, region, client, lb)),
    ),
  );
  return { classicLoadBalancers };
}

async function collectClassic(
  ctx: CollectContext,
  region: string,
  client: ElasticLoadBalancingClient,
  lb: LoadBalancerDescription & { name: string },
): Promise<ClassicLoadBalancer> {
  const listeners = (lb.ListenerDescriptions ?? []).map((d) => ({
    protocol: (d.Listener?.Protocol ?? 'unknown').toUpperCase(),
    port: d.Listener?.LoadBalancerPort ?? 0,
    instanceProtocol: d.Listener?.InstanceProtocol ?? null,
    certificateId: d.Listener?.SSLCertificateId ?? null,
    policyNames: d.PolicyNames ?? [],
  }));
  const hasTls = listeners.some((l) => TLS_PROTOCOLS.has(l.protocol));
  const [attributes, policies] = await Promise.all([
    attempt(ctx, target('elb', region, 'DescribeLoadBalancerAttributes', lb.name), () =>
      client.send(new DescribeLoadBalancerAttributesCommand({ LoadBalancerName: lb.name })),
    ),
    hasTls
      ? attempt(ctx, target('elb', region, 'DescribeLoadBalancerPolicies', lb.name), () =>
          client.send(new DescribeLoadBalancerPoliciesCommand({ LoadBalancerName: lb.name })),
        )
      : Promise.resolve(undefined),
  ]);
  return {
    name: lb.name,
    arn: `arn:${ctx.partition}:elasticloadbalancing:${region}:${ctx.accountId}:loadbalancer/${lb.name}`,
    scheme: lb.Scheme ?? 'unknown',
    listeners,
    ...(policies ? { policies: mapCollected(policies, (r) => (r.PolicyDescriptions ?? []).map(toPolicy)) } : {}),
    accessLog: mapCollected(attributes, (r) => ({
      enabled: r.LoadBalancerAttributes?.AccessLog?.Enabled === true,
      bucket: r.LoadBalancerAttributes?.AccessLog?.S3BucketName ?? null,
    })),
  };
}

function toPolicy(p: PolicyDescription): ClassicPolicy {
  const attributes = p.PolicyAttributeDescriptions ?? [];
  return {
    name: p.PolicyName ?? 'unknown',
    referenceSecurityPolicy: attributes.find((a) => a.AttributeName === 'Reference-Security-Policy')?.AttributeValue ?? null,
    enabledProtocols: attributes
      .filter((a) => a.AttributeName?.startsWith('Protocol-') && a.AttributeValue === 'true')
      .flatMap((a) => (a.AttributeName ? [a.AttributeName] : [])),
  };
}
