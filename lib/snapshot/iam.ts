import { z } from 'zod';
import { collectedSchema } from './collected.js';

/** An inline policy or a managed policy version; `document` is the URL-decoded, parsed JSON (null if unparseable). */
export const PolicyDocumentSchema = z.unknown();

export const InlinePolicySchema = z.object({ name: z.string(), document: PolicyDocumentSchema });
export const AttachedPolicySchema = z.object({ name: z.string(), arn: z.string() });

export const IamUserSchema = z.object({
  name: z.string(),
  id: z.string(),
  arn: z.string(),
  path: z.string(),
  createDate: z.string().nullable(),
  groups: z.array(z.string()),
  inlinePolicies: z.array(InlinePolicySchema),
  attachedPolicies: z.array(AttachedPolicySchema),
  tags: z.record(z.string(), z.string()),
  /** ARN of the managed policy set as the user's permissions boundary, if any. */
  permissionsBoundaryArn: z.string().nullable(),
});

export const IamGroupSchema = z.object({
  name: z.string(),
  arn: z.string(),
  inlinePolicies: z.array(InlinePolicySchema),
  attachedPolicies: z.array(AttachedPolicySchema),
});

export const IamRoleSchema = z.object({
  name: z.string(),
  id: z.string(),
  arn: z.string(),
  path: z.string(),
  createDate: z.string().nullable(),
  tags: z.record(z.string(), z.string()),
  inlinePolicies: z.array(InlinePolicySchema),
  attachedPolicies: z.array(AttachedPolicySchema),
  /** The trust policy (AssumeRolePolicyDocument), parsed; null if unparseable. */
  trustPolicy: PolicyDocumentSchema,
  permissionsBoundaryArn: z.string().nullable(),
});

/** A customer managed policy with its default version's document. */
export const ManagedPolicySchema = z.object({
  name: z.string(),
  arn: z.string(),
  path: z.string(),
  attachmentCount: z.number(),
  defaultVersionId: z.string().nullable(),
  document: PolicyDocumentSchema,
});

export const AuthorizationDetailsSchema = z.object({
  users: z.array(IamUserSchema),
  groups: z.array(IamGroupSchema),
  roles: z.array(IamRoleSchema),
  policies: z.array(ManagedPolicySchema),
  /**
   * AWS managed policies in use in the account (attached to a principal), with their default version's
   * document, so a principal holding e.g. AdministratorAccess can be recognised by what it allows.
   */
  awsManagedPolicies: z.array(ManagedPolicySchema),
});

/** From ListRoles: GetAccountAuthorizationDetails does not return MaxSessionDuration. */
export const RoleSessionSchema = z.object({
  name: z.string(),
  arn: z.string(),
  path: z.string(),
  maxSessionDuration: z.number().nullable(),
});

const nullableDate = z.string().nullable();
const nullableBool = z.boolean().nullable();

/** One credential report row, metadata columns only. `<root_account>` is the root user. */
export const CredentialReportRowSchema = z.object({
  user: z.string(),
  arn: z.string(),
  userCreationTime: nullableDate,
  passwordEnabled: nullableBool,
  passwordLastUsed: nullableDate,
  passwordLastChanged: nullableDate,
  mfaActive: nullableBool,
  accessKey1Active: nullableBool,
  accessKey1LastRotated: nullableDate,
  accessKey1LastUsedDate: nullableDate,
  accessKey2Active: nullableBool,
  accessKey2LastRotated: nullableDate,
  accessKey2LastUsedDate: nullableDate,
});

export const CredentialReportSchema = z.object({
  generatedAt: z.string().nullable(),
  rows: z.array(CredentialReportRowSchema),
});

export const PasswordPolicySchema = z.object({
  minimumPasswordLength: z.number().nullable(),
  requireSymbols: z.boolean(),
  requireNumbers: z.boolean(),
  requireUppercaseCharacters: z.boolean(),
  requireLowercaseCharacters: z.boolean(),
  expirePasswords: z.boolean(),
  maxPasswordAge: z.number().nullable(),
  passwordReusePrevention: z.number().nullable(),
  hardExpiry: z.boolean(),
});

export const AccountSummarySchema = z.object({
  accountMfaEnabled: z.boolean(),
  accountAccessKeysPresent: z.boolean(),
});

export const VirtualMfaDeviceSchema = z.object({
  serialNumber: z.string(),
  userArn: z.string().nullable(),
  enableDate: z.string().nullable(),
});

/** The AWS Organization the account belongs to (DescribeOrganization). */
export const OrganizationSchema = z.object({
  id: z.string(),
  managementAccountId: z.string(),
});

export const SecurityContactSchema = z.object({
  name: z.string().nullable(),
  email: z.string().nullable(),
  title: z.string().nullable(),
});

/**
 * IAM and account-level identity configuration. Every part is global: all are absent when the
 * target does not include global services, and each is collected (and can fail) on its own.
 */
export const IamSnapshotSchema = z.object({
  authorization: collectedSchema(AuthorizationDetailsSchema).optional(),
  roleSessions: collectedSchema(z.array(RoleSessionSchema)).optional(),
  credentialReport: collectedSchema(CredentialReportSchema).optional(),
  /** `data: null` means the account has no password policy (NoSuchEntity). */
  passwordPolicy: collectedSchema(PasswordPolicySchema.nullable()).optional(),
  accountSummary: collectedSchema(AccountSummarySchema).optional(),
  virtualMfaDevices: collectedSchema(z.array(VirtualMfaDeviceSchema)).optional(),
  /** `data: null` means no SECURITY alternate contact is designated. */
  securityContact: collectedSchema(SecurityContactSchema.nullable()).optional(),
  /** `data: null` means the account is not in an AWS Organization. */
  organization: collectedSchema(OrganizationSchema.nullable()).optional(),
});
export type IamSnapshot = z.infer<typeof IamSnapshotSchema>;
export type AuthorizationDetails = z.infer<typeof AuthorizationDetailsSchema>;
export type IamUser = z.infer<typeof IamUserSchema>;
export type IamRole = z.infer<typeof IamRoleSchema>;
export type IamGroup = z.infer<typeof IamGroupSchema>;
export type Organization = z.infer<typeof OrganizationSchema>;
export type InlinePolicy = z.infer<typeof InlinePolicySchema>;
export type AttachedPolicy = z.infer<typeof AttachedPolicySchema>;
export type ManagedPolicy = z.infer<typeof ManagedPolicySchema>;
export type RoleSession = z.infer<typeof RoleSessionSchema>;
export type CredentialReport = z.infer<typeof CredentialReportSchema>;
export type CredentialReportRow = z.infer<typeof CredentialReportRowSchema>;
export type PasswordPolicy = z.infer<typeof PasswordPolicySchema>;
export type AccountSummary = z.infer<typeof AccountSummarySchema>;
export type VirtualMfaDevice = z.infer<typeof VirtualMfaDeviceSchema>;
export type SecurityContact = z.infer<typeof SecurityContactSchema>;
