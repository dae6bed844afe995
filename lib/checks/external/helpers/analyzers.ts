import type { ResourceRef } from '../../../model/resource.js';
import type { AccessFinding, Analyzer } from '../../../snapshot/external.js';
import type { AccountSnapshot } from '../../../snapshot/schema.js';

/** Analyzer types whose findings are about access from outside the zone of trust. */
const EXTERNAL_ACCESS_TYPES: readonly string[] = ['ACCOUNT', 'ORGANIZATION'];

export function isActiveExternalAccessAnalyzer(analyzer: Analyzer): boolean {
  return analyzer.status === 'ACTIVE' && EXTERNAL_ACCESS_TYPES.includes(analyzer.type);
}

export function analyzerResource(snapshot: AccountSnapshot, analyzer: Analyzer, region: string): ResourceRef {
  return { arn: analyzer.arn, id: analyzer.name, type: 'AWS::AccessAnalyzer::Analyzer', region, accountId: snapshot.accountId };
}

/** The resource a finding is about (in the owner account for organization analyzers). */
export function findingResource(snapshot: AccountSnapshot, finding: AccessFinding, region: string): ResourceRef {
  const arn = finding.resource ?? `${finding.resourceType}/${finding.id}`;
  return {
    arn,
    id: arn.split(/[:/]/).filter(Boolean).pop() ?? arn,
    type: finding.resourceType,
    region,
    accountId: finding.resourceOwnerAccount ?? snapshot.accountId,
  };
}

/** `AWS 111122223333 (s3:GetObject)`, `public AWS * (sts:AssumeRole)` */
export function describePrincipal(finding: AccessFinding): string {
  const who = Object.entries(finding.principal).map(([kind, value]) => `${kind} ${value}`).join(', ') || 'an unspecified principal';
  const actions = finding.actions.length > 0 ? ` (${finding.actions.join(', ')})` : '';
  return `${finding.isPublic ? 'public: ' : ''}${who}${actions}`;
}
