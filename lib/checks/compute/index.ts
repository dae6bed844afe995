import type { CheckDefinition } from '../types.js';
import { check as apigatewayDomainTls12 } from './apigateway_domain_tls12.js';
import { check as apigatewayCacheEncrypted } from './apigateway_stage_cache_encrypted.js';
import { check as apigatewayLogging } from './apigateway_stage_logging_enabled.js';
import { check as ecrKms } from './ecr_repository_kms_encrypted.js';
import { check as ecrScanOnPush } from './ecr_repository_scan_on_push.js';
import { check as ecsLogging } from './ecs_task_definition_logging_configured.js';
import { check as ecsNotPrivileged } from './ecs_task_definition_not_privileged.js';
import { check as eksAuditLogging } from './eks_cluster_audit_logging_enabled.js';
import { check as eksEndpointNotPublic } from './eks_cluster_endpoint_not_public.js';
import { check as eksSecretsEncrypted } from './eks_cluster_secrets_encrypted.js';
import { check as emrBlockPublicAccess } from './emr_block_public_access_enabled.js';
import { check as lambdaInVpc } from './lambda_function_in_vpc.js';
import { check as lambdaNotPublic } from './lambda_function_not_publicly_invocable.js';
import { check as lambdaRuntime } from './lambda_function_runtime_supported.js';
import { check as lambdaUrlAuth } from './lambda_function_url_auth_iam.js';

/** Where ePHI is processed: Lambda, API Gateway, EKS, ECS, ECR and EMR. */
export const computeChecks: readonly CheckDefinition[] = [
  lambdaNotPublic,
  lambdaUrlAuth,
  lambdaRuntime,
  lambdaInVpc,
  apigatewayLogging,
  apigatewayCacheEncrypted,
  apigatewayDomainTls12,
  eksSecretsEncrypted,
  eksEndpointNotPublic,
  eksAuditLogging,
  ecsNotPrivileged,
  ecsLogging,
  ecrScanOnPush,
  ecrKms,
  emrBlockPublicAccess,
];
