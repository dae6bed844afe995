import { buildApp } from './build-app.js';

// Entry point of cdk.json's "app". A configuration error surfaces as one message naming each field.
try {
  buildApp().app.synth();
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
}
