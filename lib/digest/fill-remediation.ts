// The remediation filler lives in lib/report (the table uses it too); the digest keeps this import path.
export { fillRemediation } from '../report/fill-remediation.js';
