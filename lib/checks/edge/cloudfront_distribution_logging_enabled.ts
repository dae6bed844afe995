import { fail, pass } from '../kit/results.js';
import { defineCheck } from '../types.js';
import { eachDistribution } from './helpers/distributions.js';

export const check = defineCheck({
  id: 'cloudfront_distribution_logging_enabled',
  title: 'CloudFront distributions log viewer requests',
  service: 'cloudfront',
  reads: ['edge'],
  citations: ['164.312(b)'],
  severity: 'medium',
  rationale:
    'Access logs record every viewer request served by the distribution. Same semantics as Prowler cloudfront_distributions_logging_enabled: standard logging to S3, or real-time logs on a behavior. Standard logging v2 (CloudWatch Logs delivery) is configured outside the distribution and is not read, so a distribution using only v2 shows FAIL and can be accepted as a risk with that reason.',
  remediation:
    'aws cloudfront get-distribution-config --id <id> > cfg.json; set DistributionConfig.Logging {Enabled:true, Bucket:"<log-bucket>.s3.amazonaws.com", Prefix:"<prefix>"}; aws cloudfront update-distribution --id <id> --if-match <ETag> --distribution-config file://cfg.json',
  evaluate: (snapshot) =>
    eachDistribution(snapshot, (config, d, resource) => {
      if (config.logging.enabled) return pass(resource, `CloudFront distribution ${d.id} logs to ${config.logging.bucket ?? 'S3'}`);
      if (config.realtimeLoggedBehaviors.length > 0) {
        return pass(resource, `CloudFront distribution ${d.id} sends real-time logs for ${config.realtimeLoggedBehaviors.join(', ')}`);
      }
      return fail(resource, `CloudFront distribution ${d.id} has neither standard nor real-time logging`);
    }),
});
