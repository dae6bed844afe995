import type { Bucket } from '../../snapshot/storage.js';
import type { Thresholds } from '../thresholds.js';
import { errorResult, fail, notApplicable, pass, withCollected } from '../kit/results.js';
import { defineCheck } from '../types.js';
import { eachBucket } from './helpers/depth-scope.js';
import { wildcardMatch } from './helpers/wildcard.js';

/** In scope by name, by tag, or unknown (tags unreadable and the name alone does not decide). */
function inScope(bucket: Bucket, scope: Thresholds['s3ReplicationScope']): boolean | string {
  if (scope.bucketPatterns.some((p) => wildcardMatch(p, bucket.name))) return true;
  if (scope.tagKey === null) return false;
  if (bucket.tags.error) return `${bucket.tags.error.operation} failed with ${bucket.tags.error.code}`;
  const value = bucket.tags.data[scope.tagKey];
  return value !== undefined && (scope.tagValue === null || value === scope.tagValue);
}

export const check = defineCheck({
  id: 's3_bucket_cross_region_replication',
  title: 'S3 buckets holding ePHI replicate to another region',
  service: 's3',
  reads: ['storage'],
  citations: ['164.308(a)(7)(ii)(B)', '164.308(a)(7)(ii)(A)', '164.310(d)(2)(iv)'],
  severity: 'medium',
  rationale:
    "A replica in another region keeps ePHI retrievable when a region is lost (disaster recovery plan). Buckets in scope are chosen by thresholds.s3ReplicationScope (name patterns or a tag; default every bucket). AWS Config s3-bucket-replication-enabled passes on any enabled rule; like Prowler s3_bucket_cross_region_replication we also require the destination to be in another region where we can see it (a destination bucket in this account); a destination outside the account passes with that stated.",
  remediation:
    'aws s3api put-bucket-versioning --bucket <bucket> --versioning-configuration Status=Enabled; aws s3api put-bucket-replication --bucket <bucket> --replication-configuration file://replication.json (destination bucket in another region, versioning on)',
  evaluate: (snapshot, _now, thresholds) =>
    eachBucket(snapshot, (bucket, resource, all) => {
      const scoped = inScope(bucket, thresholds.s3ReplicationScope);
      if (typeof scoped === 'string') return [errorResult(resource, `Could not tell whether bucket ${bucket.name} is in replication scope: ${scoped}`)];
      if (!scoped) return [notApplicable(resource, `Bucket ${bucket.name} is outside the configured replication scope`)];
      if (bucket.replication === null) return [fail(resource, `Bucket ${bucket.name} never had versioning enabled, so it cannot replicate`)];
      return withCollected(bucket.replication, resource, (rules) => {
        if (rules === null) return [fail(resource, `Bucket ${bucket.name} has no replication configuration`)];
        const enabled = rules.filter((r) => r.enabled);
        if (enabled.length === 0) return [fail(resource, `Bucket ${bucket.name} has no enabled replication rule`)];
        const regionOf = (arn: string) => all.find((b) => b.arn === arn)?.region;
        const crossRegion = enabled.find((r) => {
          const region = regionOf(r.destinationBucketArn);
          return region === undefined || region !== bucket.region;
        });
        if (!crossRegion) {
          return [fail(resource, `Bucket ${bucket.name} replicates only within ${bucket.region} (${enabled.map((r) => r.destinationBucketArn).join(', ')})`)];
        }
        const region = regionOf(crossRegion.destinationBucketArn);
        return [
          pass(
            resource,
            region
              ? `Bucket ${bucket.name} replicates to ${crossRegion.destinationBucketArn} in ${region}`
              : `Bucket ${bucket.name} replicates to ${crossRegion.destinationBucketArn}, outside this account (region not verified)`,
          ),
        ];
      });
    }),
});
