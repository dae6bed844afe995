import { DescribeRegionsCommand, EC2Client } from '@aws-sdk/client-ec2';
import type { AwsClientFactory } from '../aws/clients.js';
import { ExpectedError } from '../model/errors.js';
import { AWS_REGIONS } from './aws-regions.js';

export class InvalidRegionError extends ExpectedError {
  constructor(readonly region: string) {
    super(`"${region}" is not an AWS region name (expected one like us-east-1; "hipaa-audit regions" lists them all).`);
    this.name = 'InvalidRegionError';
  }
}

/** Rejects anything that is not a region AWS has (AWS_REGIONS), before any AWS call is made. */
export function validateRegionNames(regions: readonly string[]): string[] {
  for (const region of regions) if (!AWS_REGIONS.has(region)) throw new InvalidRegionError(region);
  return [...new Set(regions)];
}

/** Validates explicit regions, or lists the regions enabled for the account when `all` is asked. */
export async function resolveRegions(
  requested: readonly string[] | 'all',
  clients: AwsClientFactory,
  homeRegion: string,
): Promise<string[]> {
  if (requested !== 'all') return validateRegionNames(requested);
  const ec2 = clients.get(EC2Client, homeRegion);
  const response = await ec2.send(new DescribeRegionsCommand({ AllRegions: false }));
  return (response.Regions ?? [])
    .filter((r) => r.OptInStatus !== 'not-opted-in')
    .map((r) => r.RegionName)
    .filter((name): name is string => typeof name === 'string')
    .sort();
}
