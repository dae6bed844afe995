import type { Command } from 'commander';
import { AWS_REGIONS_BY_PARTITION } from '../../scan/aws-regions.js';

/** `hipaa-audit regions`: the region names --region and --regions accept, by partition. */
export function registerRegionsCommand(program: Command): void {
  program
    .command('regions')
    .description('List the AWS region names --region and --regions accept (--regions also takes "all")')
    .action(() => {
      for (const [partition, regions] of Object.entries(AWS_REGIONS_BY_PARTITION)) {
        process.stdout.write(`${partition}: ${regions.join(' ')}\n`);
      }
    });
}
