import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const exec = promisify(execFile);

/**
 * Runs test/report/validate_ocsf.py (py-ocsf-models' ComplianceFinding, strict, no unknown attributes) on
 * JSON Lines. CI installs the package (.ci/run); locally: python3 -m pip install py-ocsf-models==0.10.0.
 */
export async function validateWithPyOcsfModels(jsonLines: string): Promise<{ ok: boolean; output: string }> {
  const child = exec('python3', ['test/report/validate_ocsf.py'], { timeout: 60_000, maxBuffer: 64 * 1024 * 1024 });
  child.child.stdin?.end(jsonLines);
  try {
    const { stdout } = await child;
    return { ok: true, output: stdout.trim() };
  } catch (err) {
    const e = err as { stdout?: string; stderr?: string };
    if (e.stderr?.includes("No module named 'py_ocsf_models'")) {
      throw new Error('py-ocsf-models is not installed: python3 -m pip install py-ocsf-models==0.10.0 (.ci/run does this)');
    }
    return { ok: false, output: `${e.stdout ?? ''}${e.stderr ?? ''}`.trim() };
  }
}
