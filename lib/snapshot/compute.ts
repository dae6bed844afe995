import { z } from 'zod';
import { collectedSchema } from './collected.js';

/** A statement of a Lambda function's resource-based policy, reduced to what exposure depends on. */
export const PolicyStatementSchema = z.object({
  sid: z.string().nullable(),
  effect: z.string(),
  /** Principals, flattened: `"*"` becomes `{ type: 'AWS', value: '*' }`. */
  principals: z.array(z.object({ type: z.string(), value: z.string() })),
  actions: z.array(z.string()),
  /** Condition keys used (lower-cased, e.g. `aws:sourcearn`), with their values. */
  conditions: z.record(z.string(), z.array(z.string())),
});
export type PolicyStatement = z.infer<typeof PolicyStatementSchema>;

export const FunctionUrlSchema = z.object({ url: z.string(), authType: z.string(), functionArn: z.string() });

export const LambdaFunctionSchema = z.object({
  name: z.string(),
  arn: z.string(),
  /** null for container-image functions (PackageType Image): the image carries its own runtime. */
  runtime: z.string().nullable(),
  packageType: z.string(),
  /** null: the function is not attached to a VPC. */
  vpcId: z.string().nullable(),
  /** Resource-based policy statements; data null when the function has no policy. */
  policy: collectedSchema(z.array(PolicyStatementSchema).nullable()),
  /** Function URLs of the function and its aliases. */
  urls: collectedSchema(z.array(FunctionUrlSchema)),
});
export type LambdaFunction = z.infer<typeof LambdaFunctionSchema>;

export const RestStageSchema = z.object({
  name: z.string(),
  arn: z.string(),
  /** `*\/*` method setting: OFF | ERROR | INFO; null when never set (OFF). */
  executionLogLevel: z.string().nullable(),
  accessLogDestination: z.string().nullable(),
  cacheClusterEnabled: z.boolean(),
  /** Method settings (`*\/*` and overrides) whose cache data is not encrypted. */
  unencryptedCacheSettings: z.array(z.string()),
  clientCertificateId: z.string().nullable(),
});
export type RestStage = z.infer<typeof RestStageSchema>;

export const RestApiSchema = z.object({
  id: z.string(),
  name: z.string(),
  arn: z.string(),
  stages: collectedSchema(z.array(RestStageSchema)),
});
export type RestApi = z.infer<typeof RestApiSchema>;

export const HttpApiSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** HTTP | WEBSOCKET */
  protocolType: z.string(),
  arn: z.string(),
  stages: collectedSchema(z.array(z.object({ name: z.string(), arn: z.string(), accessLogDestination: z.string().nullable() }))),
});
export type HttpApi = z.infer<typeof HttpApiSchema>;

export const DomainNameSchema = z.object({
  name: z.string(),
  arn: z.string(),
  /** TLS_1_0 | TLS_1_2 | SecurityPolicy_TLS13_... ; null when AWS reports none. */
  securityPolicy: z.string().nullable(),
});
export type DomainName = z.infer<typeof DomainNameSchema>;

export const EksDetailsSchema = z.object({
  /** KMS key ARN envelope-encrypting Kubernetes secrets; null when not configured. */
  secretsKeyArn: z.string().nullable(),
  /** null when DescribeCluster did not say (AWS always does). */
  endpointPublicAccess: z.boolean().nullable(),
  endpointPrivateAccess: z.boolean().nullable(),
  publicAccessCidrs: z.array(z.string()),
  enabledLogTypes: z.array(z.string()),
});
export type EksDetails = z.infer<typeof EksDetailsSchema>;

export const EksClusterSchema = z.object({
  name: z.string(),
  arn: z.string(),
  details: collectedSchema(EksDetailsSchema),
});
export type EksCluster = z.infer<typeof EksClusterSchema>;

export const ContainerDefinitionSchema = z.object({
  name: z.string(),
  privileged: z.boolean(),
  /** null: no logConfiguration (stdout/stderr are kept nowhere). */
  logDriver: z.string().nullable(),
});

/** The latest ACTIVE revision of one task definition family. */
export const TaskDefinitionSchema = z.object({
  family: z.string(),
  details: collectedSchema(z.object({ arn: z.string(), revision: z.number(), containers: z.array(ContainerDefinitionSchema) })),
});
export type TaskDefinition = z.infer<typeof TaskDefinitionSchema>;

export const EcrRepositorySchema = z.object({
  name: z.string(),
  arn: z.string(),
  scanOnPush: z.boolean(),
  /** AES256 | KMS | KMS_DSSE */
  encryptionType: z.string(),
  kmsKey: z.string().nullable(),
});
export type EcrRepository = z.infer<typeof EcrRepositorySchema>;

export const RegistryScanningSchema = z.object({
  /** BASIC | ENHANCED */
  scanType: z.string(),
  rules: z.array(
    z.object({
      /** SCAN_ON_PUSH | CONTINUOUS_SCAN | MANUAL */
      frequency: z.string(),
      filters: z.array(z.object({ filter: z.string(), filterType: z.string() })),
    }),
  ),
});
export type RegistryScanning = z.infer<typeof RegistryScanningSchema>;

export const ComputeRegionSchema = z.object({
  functions: collectedSchema(z.array(LambdaFunctionSchema)),
  restApis: collectedSchema(z.array(RestApiSchema)),
  httpApis: collectedSchema(z.array(HttpApiSchema)),
  /** API Gateway custom domain names (shared by REST and HTTP APIs). */
  domainNames: collectedSchema(z.array(DomainNameSchema)),
  eksClusters: collectedSchema(z.array(EksClusterSchema)),
  taskDefinitions: collectedSchema(z.array(TaskDefinitionSchema)),
  ecrRepositories: collectedSchema(z.array(EcrRepositorySchema)),
  ecrRegistryScanning: collectedSchema(RegistryScanningSchema),
  emrBlockPublicAccess: collectedSchema(
    z.object({ blockPublicSecurityGroupRules: z.boolean(), permittedPortRanges: z.array(z.string()) }),
  ),
});
export type ComputeRegion = z.infer<typeof ComputeRegionSchema>;

/** Lambda, API Gateway, EKS, ECS, ECR and EMR configuration, per region. */
export const ComputeSnapshotSchema = z.object({
  regions: z.record(z.string(), ComputeRegionSchema),
});
export type ComputeSnapshot = z.infer<typeof ComputeSnapshotSchema>;
