import { Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import type { PipelineConfig } from '../lib/config/pipeline-config.js';
import { HipaaAuditPipeline } from './hipaa-audit-pipeline.js';

export interface PipelineStackProps extends StackProps {
  config: PipelineConfig;
}

/** The central account's stack: one HipaaAuditPipeline, environment-agnostic. */
export class PipelineStack extends Stack {
  readonly pipeline: HipaaAuditPipeline;

  constructor(scope: Construct, id: string, props: PipelineStackProps) {
    const { config, ...stackProps } = props;
    super(scope, id, {
      description: `HIPAA technical-safeguard audit pipeline for ${config.organizationName}`,
      ...stackProps,
    });
    this.pipeline = new HipaaAuditPipeline(this, 'Pipeline', config);
  }
}
