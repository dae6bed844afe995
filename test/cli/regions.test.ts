import { describe, expect, it } from 'vitest';
import { AWS_REGIONS_BY_PARTITION } from '../../lib/scan/aws-regions.js';
import { InvalidRegionError, validateRegionNames } from '../../lib/scan/regions.js';

// The SDK's own partition data (not an exported API, hence the path): the source AWS_REGIONS_BY_PARTITION is copied from.
const SDK_PARTITIONS = '../../node_modules/@aws-sdk/core/dist-es/submodules/client/util-endpoints/lib/aws/partitions.js';

describe('region names', () => {
  it('the committed list is the installed SDK\'s partition data (refresh lib/scan/aws-regions.ts when this fails)', async () => {
    const { partitionsInfo } = (await import(SDK_PARTITIONS)) as { partitionsInfo: { partitions: { id: string; regions: Record<string, unknown> }[] } };
    const fromSdk = Object.fromEntries(
      partitionsInfo.partitions.map((p) => [p.id, Object.keys(p.regions).filter((r) => !r.startsWith('aws-')).sort()]),
    );
    expect(AWS_REGIONS_BY_PARTITION).toEqual(fromSdk);
  });

  it('accepts real regions and refuses look-alikes, naming the bad value and how to list valid ones', () => {
    expect(validateRegionNames(['us-east-1', 'eu-west-3', 'us-gov-west-1', 'cn-north-1', 'us-east-1'])).toEqual(['us-east-1', 'eu-west-3', 'us-gov-west-1', 'cn-north-1']);
    for (const bad of ['us-east-9', 'mars-north-1', 'US-EAST-1', 'useast1', 'aws-global', '']) {
      expect(() => validateRegionNames([bad]), bad).toThrow(InvalidRegionError);
      expect(() => validateRegionNames([bad])).toThrow(`"${bad}" is not an AWS region name`);
      expect(() => validateRegionNames([bad])).toThrow('hipaa-audit regions');
    }
  });
});
