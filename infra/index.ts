/**
 * The package's library entry (`import { HipaaAuditPipeline } from 'hipaa-audit'`). Everything here
 * needs only aws-cdk-lib and constructs (peer dependencies) and zod at run time; the Lambda code it
 * deploys is pre-built in dist/lambda.
 */
export { HipaaAuditPipeline, type HipaaAuditPipelineProps } from './hipaa-audit-pipeline.js';
export { PipelineStack, type PipelineStackProps } from './pipeline-stack.js';
export { MemberRoleStack, type MemberRoleStackProps } from './member-role-stack.js';
export { MEMBER_READ_ACTIONS } from './collector-actions.js';
export {
  PipelineConfigSchema,
  PipelineConfigError,
  parsePipelineConfig,
  loadPipelineConfig,
  MIN_EVIDENCE_RETENTION_YEARS,
  MAX_BUNDLE_LINK_EXPIRY_DAYS,
  type PipelineConfig,
  type PipelineConfigInput,
  type ContextSource,
} from '../lib/config/pipeline-config.js';
export { LambdaBundleMissingError } from './constructs/lambda-code.js';
