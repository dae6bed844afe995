/** The product as other tools name it in the findings it exports (OCSF metadata.product, ASFF ProductName). */
export const PRODUCT = {
  uid: 'hipaa-audit',
  name: 'hipaa-audit',
  vendorName: 'hipaa-audit',
  version: '0.1.0',
} as const;
