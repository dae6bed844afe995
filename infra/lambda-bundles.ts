/**
 * Every Lambda the package ships, in one place: `npm run build` (scripts/build.ts) bundles
 * `functions/<name>.ts` into `dist/lambda/<name>/index.mjs`, and the construct deploys that file
 * (infra/constructs/lambda-code.ts). A new function is one line here plus its handler file.
 */
export interface LambdaBundle {
  /**
   * Package files the code reads from disk at run time (WebAssembly, fonts), as `<package>/<path>`
   * resolved from this package's dependencies. They are copied into the function's asset under
   * `node_modules/` at synth, so `require.resolve` finds them exactly as it does in the tests.
   */
  runtimeFiles?: readonly string[];
}

export const LAMBDA_BUNDLES = {
  'resolve-targets': {},
  'scan-target': {},
  'seal-account': {},
  'record-account': {},
  'finalize-run': {},
  // The trend chart is rasterized by resvg's WebAssembly build with a bundled font (lib/digest/trend-png.ts).
  'send-digest': { runtimeFiles: ['@resvg/resvg-wasm/index_bg.wasm', 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf'] },
  // Custom resource: the signing key's fingerprint at deploy time (infra/constructs/signing-key-fingerprint.ts).
  'signing-key-fingerprint': {},
} as const satisfies Record<string, LambdaBundle>;

export type LambdaBundleName = keyof typeof LAMBDA_BUNDLES;

export function isLambdaBundleName(name: string): name is LambdaBundleName {
  return Object.hasOwn(LAMBDA_BUNDLES, name);
}

/** Where the build writes the bundles, relative to the package root. */
export const LAMBDA_DIST_DIR = 'dist/lambda';
/** The handler setting of a bundled function (file `<name>/index.mjs`, export `handler`). */
export const lambdaHandler = (name: LambdaBundleName): string => `${name}/index.handler`;
