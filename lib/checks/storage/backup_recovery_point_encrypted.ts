import { fail, pass, withCollected } from '../kit/results.js';
import { defineCheck } from '../types.js';
import { eachStorageItem, storageResource } from './helpers/depth-scope.js';

export const check = defineCheck({
  id: 'backup_recovery_point_encrypted',
  title: 'AWS Backup recovery points are encrypted',
  service: 'backup',
  reads: ['storage'],
  citations: ['164.312(a)(2)(iv)', '164.310(d)(2)(iv)'],
  severity: 'high',
  rationale:
    "Recovery points are full copies of ePHI; for services without independent Backup encryption (EBS, RDS) an unencrypted source yields an unencrypted recovery point. AWS Config backup-recovery-point-encrypted reports per recovery point; we report one finding per vault that names the unencrypted recovery points, since vaults hold thousands. Vaults without recovery points have no result.",
  remediation:
    'Encrypt the source (see ec2_ebs_volume_encrypted, rds_instance_storage_encrypted), then copy each recovery point to a vault with a KMS key: aws backup start-copy-job --recovery-point-arn <arn> --source-backup-vault-name <vault> --destination-backup-vault-arn <arn> --iam-role-arn <role>, and delete the unencrypted one.',
  evaluate: (snapshot) =>
    eachStorageItem(snapshot, (r) => r.backupVaults, 'AWS Backup vaults with recovery points', (vault, region) => {
      const resource = storageResource(snapshot, region, 'AWS::Backup::BackupVault', vault.name, vault.arn);
      return withCollected(vault.recoveryPoints, resource, ({ count, unencryptedArns }) => {
        if (count === 0) return [];
        if (unencryptedArns.length === 0) return [pass(resource, `Backup vault ${vault.name}: all ${count} recovery points are encrypted`)];
        const shown = unencryptedArns.slice(0, 3).join(', ') + (unencryptedArns.length > 3 ? ` and ${unencryptedArns.length - 3} more` : '');
        return [fail(resource, `Backup vault ${vault.name} holds ${unencryptedArns.length} of ${count} recovery points unencrypted: ${shown}`)];
      });
    }),
});
