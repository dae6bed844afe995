import type { CheckDefinition } from '../types.js';
import { check as cloudfrontHttpsOnly } from './cloudfront_distribution_https_only.js';
import { check as cloudfrontLogging } from './cloudfront_distribution_logging_enabled.js';
import { check as cloudfrontMinTls12 } from './cloudfront_distribution_min_tls12.js';
import { check as cloudfrontWaf } from './cloudfront_distribution_waf_attached.js';
import { check as cloudfrontOriginHttps } from './cloudfront_origin_https_only.js';
import { check as classicAccessLogging } from './elb_classic_access_logging_enabled.js';
import { check as classicHttpsOnly } from './elb_classic_https_listeners_only.js';
import { check as albAccessLogging } from './elbv2_alb_access_logging_enabled.js';
import { check as albDropInvalidHeaders } from './elbv2_alb_drop_invalid_header_fields.js';
import { check as albWaf } from './elbv2_alb_waf_attached.js';
import { check as elbv2DeletionProtection } from './elbv2_deletion_protection_enabled.js';
import { check as elbv2AcmCertificate } from './elbv2_listener_acm_certificate.js';
import { check as elbv2ListenerTls } from './elbv2_listener_tls.js';

/** Load balancers, CloudFront and WAF: transmission security, exposure and request logging at the edge. */
export const edgeChecks: readonly CheckDefinition[] = [
  elbv2ListenerTls,
  elbv2AcmCertificate,
  elbv2DeletionProtection,
  albAccessLogging,
  albDropInvalidHeaders,
  albWaf,
  classicHttpsOnly,
  classicAccessLogging,
  cloudfrontHttpsOnly,
  cloudfrontMinTls12,
  cloudfrontOriginHttps,
  cloudfrontLogging,
  cloudfrontWaf,
];
