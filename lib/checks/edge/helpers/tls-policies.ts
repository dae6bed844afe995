/** Predefined elbv2 policies whose minimum is TLS 1.2 or 1.3; anything else (2016-08, TLS-1-0/1-1, FS-1-1...) fails. */
const ELBV2_MODERN_POLICY = /^ELBSecurityPolicy-(TLS13-1-[23]|TLS-1-2|FS-1-2)-/;

export function isModernElbv2Policy(policy: string | null): boolean {
  return policy !== null && ELBV2_MODERN_POLICY.test(policy);
}

/** Classic ELB predefined policies that allow TLS 1.2 only (Classic ELB has no TLS 1.3). */
const CLASSIC_MODERN_POLICY = /^ELBSecurityPolicy-TLS-1-2-/;

export function isModernClassicPolicy(reference: string | null, enabledProtocols: readonly string[]): boolean {
  if (reference !== null) return CLASSIC_MODERN_POLICY.test(reference);
  return enabledProtocols.length > 0 && enabledProtocols.every((p) => p === 'Protocol-TLSv1.2');
}

/** CloudFront viewer security policies older than TLS 1.2 (what cloudfront_distribution_https_only rejects). */
export const CLOUDFRONT_PRE_TLS12 = new Set(['SSLv3', 'TLSv1', 'TLSv1_2016', 'TLSv1.1_2016']);

/** TLSv1.2_2021 or later (TLSv1.2_2025, TLSv1.3_2025): TLS 1.2+ with only forward-secret AEAD ciphers. */
export function isCloudFrontTls12_2021OrLater(version: string | null): boolean {
  if (version === null) return false;
  const tls12 = /^TLSv1\.2_(\d{4})$/.exec(version);
  if (tls12) return Number(tls12[1]) >= 2021;
  return /^TLSv1\.3_\d{4}$/.test(version);
}

/** Origin SSL protocols older than TLS 1.2. */
export const ORIGIN_PRE_TLS12 = new Set(['SSLv3', 'TLSv1', 'TLSv1.1']);
