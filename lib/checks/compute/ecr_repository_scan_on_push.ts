import type { EcrRepository, RegistryScanning } from '../../snapshot/compute.js';
import { eachRegion } from '../kit/regions.js';
import { fail, notApplicable, pass, withCollected } from '../kit/results.js';
import { defineCheck } from '../types.js';
import { globMatches } from './helpers/glob.js';
import { computeRef } from './helpers/resources.js';

/** How images pushed to `repo` get scanned, or null when they do not. */
function scanning(repo: EcrRepository, registry: RegistryScanning): string | null {
  const frequencies = registry.scanType === 'ENHANCED' ? ['SCAN_ON_PUSH', 'CONTINUOUS_SCAN'] : ['SCAN_ON_PUSH'];
  const rule = registry.rules.find(
    (r) => frequencies.includes(r.frequency) && r.filters.some((f) => globMatches(f.filter, repo.name)),
  );
  if (rule) return `${registry.scanType.toLowerCase()} scanning (${rule.frequency}) by registry rule ${rule.filters.map((f) => f.filter).join(', ')}`;
  // With enhanced scanning the repository-level flag is ignored by AWS.
  if (registry.scanType === 'BASIC' && repo.scanOnPush) return 'basic scan on push';
  return null;
}

export const check = defineCheck({
  id: 'ecr_repository_scan_on_push',
  title: 'ECR images are scanned for vulnerabilities when pushed',
  service: 'ecr',
  reads: ['compute'],
  citations: ['164.308(a)(1)(ii)(A)', '164.308(a)(1)(ii)(B)', '164.308(a)(5)(ii)(B)'],
  severity: 'medium',
  rationale:
    'Scanning images on push finds known vulnerabilities before code that handles ePHI is deployed. Passes with the repository\'s scan-on-push flag (basic scanning) or a registry scanning rule matching the repository (basic scan-on-push, or enhanced scanning); Prowler splits this into ecr_repositories_scan_images_on_push_enabled and ecr_registry_scan_images_on_push_enabled, the Config rule is ecr-private-image-scanning-enabled.',
  remediation:
    'aws ecr put-image-scanning-configuration --repository-name <name> --image-scanning-configuration scanOnPush=true, or for the whole registry: aws ecr put-registry-scanning-configuration --scan-type ENHANCED --rules \'[{"scanFrequency":"CONTINUOUS_SCAN","repositoryFilters":[{"filter":"*","filterType":"WILDCARD"}]}]\'',
  evaluate: (snapshot) =>
    eachRegion(snapshot, snapshot.compute.regions, (region, data, scope) =>
      withCollected(data.ecrRepositories, scope, (repos) => {
        if (repos.length === 0) return [notApplicable(scope, `No ECR repositories in ${region}`)];
        return withCollected(data.ecrRegistryScanning, scope, (registry) =>
          repos.map((repo) => {
            const resource = computeRef(snapshot, repo.arn, repo.name, 'AWS::ECR::Repository', region);
            const how = scanning(repo, registry);
            return how
              ? pass(resource, `ECR repository ${repo.name} images are scanned: ${how}`)
              : fail(resource, `ECR repository ${repo.name} images are not scanned on push (registry scanning ${registry.scanType})`);
          }),
        );
      }),
    ),
});
