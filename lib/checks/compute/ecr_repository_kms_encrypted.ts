import { eachRegionalItem } from '../kit/regions.js';
import { fail, pass } from '../kit/results.js';
import { defineCheck } from '../types.js';
import { computeRef } from './helpers/resources.js';

export const check = defineCheck({
  id: 'ecr_repository_kms_encrypted',
  title: 'ECR repositories are encrypted with KMS',
  service: 'ecr',
  reads: ['compute'],
  citations: ['164.312(a)(2)(iv)'],
  severity: 'low',
  rationale:
    'Images can embed ePHI test data and configuration. The default AES256 is encrypted at rest, but with a key nobody can audit or revoke; KMS encryption puts each use of the key in CloudTrail and under a key policy. Same semantics as Prowler ecr_repositories_encrypted_with_kms (KMS or KMS_DSSE passes); the encryption type is fixed at creation.',
  remediation:
    'Create a new repository: aws ecr create-repository --repository-name <name> --encryption-configuration encryptionType=KMS,kmsKey=<kms-key-arn>, push the images there and delete the old repository',
  evaluate: (snapshot) =>
    eachRegionalItem(snapshot, snapshot.compute.regions, (r) => r.ecrRepositories, 'ECR repositories', (repo, region) => {
      const resource = computeRef(snapshot, repo.arn, repo.name, 'AWS::ECR::Repository', region);
      return [
        repo.encryptionType.startsWith('KMS')
          ? pass(resource, `ECR repository ${repo.name} is encrypted with ${repo.encryptionType} (${repo.kmsKey ?? 'AWS managed key'})`)
          : fail(resource, `ECR repository ${repo.name} uses ${repo.encryptionType} encryption, not KMS`),
      ];
    }),
});
