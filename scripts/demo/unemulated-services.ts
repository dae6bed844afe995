import type { CannedResponse, ProxiedRequest } from './moto-proxy.js';

/**
 * The demo's stand-in for the two services moto does not emulate (it answers HTTP 500), so the demo run
 * is COMPLETE and shows their checks: IAM Access Analyzer has one active account analyzer with no active
 * findings in every region, and AWS Artifact lists no accepted agreement (the Demo Clinic has not accepted
 * the AWS Business Associate Addendum, so artifact_baa_accepted fails). Everything else goes to moto.
 */
export function answerUnemulatedServices(req: ProxiedRequest): CannedResponse | undefined {
  const scope = /Credential=[^/]+\/\d{8}\/([^/]+)\/([^/]+)\/aws4_request/.exec(String(req.headers.authorization ?? ''));
  const [region, service] = [scope?.[1] ?? 'us-east-1', scope?.[2]];
  const json = (body: unknown): CannedResponse => ({ status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (service === 'access-analyzer' && req.method === 'GET' && req.path.startsWith('/analyzer')) {
    return json({
      analyzers: [
        {
          name: 'demo-clinic-account',
          arn: `arn:aws:access-analyzer:${region}:123456789012:analyzer/demo-clinic-account`,
          type: 'ACCOUNT',
          status: 'ACTIVE',
          createdAt: '2026-01-05T09:00:00Z',
        },
      ],
    });
  }
  if (service === 'access-analyzer' && req.method === 'POST' && req.path.startsWith('/finding')) return json({ findings: [] });
  if (service === 'artifact' && req.path.startsWith('/v1/customer-agreement/list')) return json({ customerAgreements: [] });
  return undefined;
}
