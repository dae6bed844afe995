import { App, type AppProps } from 'aws-cdk-lib';
import { loadPipelineConfig, type PipelineConfig } from '../lib/config/pipeline-config.js';
import { MemberRoleStack } from './member-role-stack.js';
import { applyNagPacks } from './nag.js';
import { PipelineStack } from './pipeline-stack.js';

export interface BuiltApp {
  app: App;
  config: PipelineConfig;
  pipelineStack: PipelineStack;
  memberRoleStack: MemberRoleStack;
}

/**
 * Everything `cdk synth` builds, as a function so tests synthesize the same tree. The configuration is
 * taken from the argument or, as for the CLI, from the app context (hipaaAudit / configFile).
 */
export function buildApp(options: { config?: PipelineConfig; appProps?: AppProps } = {}): BuiltApp {
  const app = new App(options.appProps);
  const config = options.config ?? loadPipelineConfig(app.node);
  // Environment-agnostic on purpose: synthesizes offline; the CLI profile picks account and region.
  const pipelineStack = new PipelineStack(app, 'HipaaAuditStack', { config });
  const memberRoleStack = new MemberRoleStack(app, 'HipaaAuditMemberRoleStack', {
    memberRoleName: config.memberRoleName,
    ...(config.externalId ? { externalId: config.externalId } : {}),
  });
  applyNagPacks(app);
  return { app, config, pipelineStack, memberRoleStack };
}
