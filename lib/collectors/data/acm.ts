import { ACMClient, paginateListCertificates, type KeyAlgorithm } from '@aws-sdk/client-acm';
import { attemptPages, target, type CollectContext } from '../../collect/context.js';
import { mapCollected } from '../../snapshot/collected.js';
import type { DataRegion } from '../../snapshot/data.js';

/**
 * Without `Includes.keyTypes` ListCertificates returns only RSA_1024 and RSA_2048 certificates, so every
 * key type is asked for. The summary carries key algorithm, expiry and use, so DescribeCertificate is not needed.
 */
const ALL_KEY_TYPES: KeyAlgorithm[] = [
  'RSA_1024',
  'RSA_2048',
  'RSA_3072',
  'RSA_4096',
  'EC_prime256v1',
  'EC_secp384r1',
  'EC_secp521r1',
];

export async function collectAcm(ctx: CollectContext, region: string): Promise<Pick<DataRegion, 'certificates'>> {
  const client = ctx.clients.get(ACMClient, region);
  const pages = await attemptPages(ctx, target('acm', region, 'ListCertificates'), () =>
    paginateListCertificates({ client }, { Includes: { keyTypes: ALL_KEY_TYPES } }),
  );
  return {
    certificates: mapCollected(pages, (data) =>
      data
        .flatMap((p) => p.CertificateSummaryList ?? [])
        .flatMap((c) =>
          c.CertificateArn
            ? [
                {
                  arn: c.CertificateArn,
                  domainName: c.DomainName ?? c.CertificateArn,
                  status: c.Status ?? 'UNKNOWN',
                  type: c.Type ?? null,
                  keyAlgorithm: c.KeyAlgorithm ?? null,
                  notAfter: c.NotAfter?.toISOString() ?? null,
                  inUse: c.InUse ?? null,
                },
              ]
            : [],
        ),
    ),
  };
}
