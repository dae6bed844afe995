import { fail, pass, withCollected } from '../kit/results.js';
import { defineCheck } from '../types.js';
import { eachStorageItem, storageResource } from './helpers/depth-scope.js';

export const check = defineCheck({
  id: 'backup_vault_lock_or_deny_delete',
  title: 'AWS Backup vaults stop recovery points being deleted by hand',
  service: 'backup',
  reads: ['storage'],
  citations: ['164.308(a)(7)(ii)(A)', '164.312(c)(1)'],
  severity: 'high',
  rationale:
    'Backups that an attacker or operator can delete are not a dependable copy of ePHI. A vault passes with AWS Backup Vault Lock (ListBackupVaults Locked) or an access policy that denies backup:DeleteRecoveryPoint without conditions (AWS Config backup-recovery-point-manual-deletion-disabled).',
  remediation:
    'aws backup put-backup-vault-lock-configuration --backup-vault-name <vault> --min-retention-days <days>; or aws backup put-backup-vault-access-policy --backup-vault-name <vault> --policy \'{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":{"AWS":"*"},"Action":"backup:DeleteRecoveryPoint","Resource":"*"}]}\'',
  evaluate: (snapshot) =>
    eachStorageItem(snapshot, (r) => r.backupVaults, 'AWS Backup vaults', (vault, region) => {
      const resource = storageResource(snapshot, region, 'AWS::Backup::BackupVault', vault.name, vault.arn);
      if (vault.locked) return [pass(resource, `Backup vault ${vault.name} has Vault Lock`)];
      return withCollected(vault.accessPolicy, resource, (policy) => [
        policy?.deniesDeleteRecoveryPoint
          ? pass(resource, `Backup vault ${vault.name} access policy denies backup:DeleteRecoveryPoint`)
          : fail(resource, `Backup vault ${vault.name} has no Vault Lock and ${policy ? 'its access policy does not deny' : 'no access policy denying'} backup:DeleteRecoveryPoint`),
      ]);
    }),
});
