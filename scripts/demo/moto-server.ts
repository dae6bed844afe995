import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { AwsClientFactory, type AwsClientSettings } from '../../lib/aws/clients.js';

/** A moto server on a free loopback port, owned by whoever started it (a test file, the demo, the benchmark). */
export interface MotoServer {
  url: string;
  port: number;
  /** Clears all emulated state (POST /moto-api/reset). */
  reset(): Promise<void>;
  stop(): Promise<void>;
  /** Synchronous kill for process exit handlers, where nothing can be awaited. */
  killNow(): void;
}

export const TEST_CREDENTIALS = { accessKeyId: 'testing', secretAccessKey: 'testing' } as const;
/** moto's default account for any credentials. */
export const MOTO_ACCOUNT_ID = '123456789012';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export async function startMoto(env: Record<string, string> = {}): Promise<MotoServer> {
  const port = await freePort();
  const bin = process.env.MOTO_SERVER_BIN ?? 'moto_server';
  const child: ChildProcess = spawn(bin, ['-H', '127.0.0.1', '-p', String(port)], {
    // Without this moto invents ~1,170 public-AMI snapshots per region owned by the account.
    env: { MOTO_EC2_LOAD_DEFAULT_AMIS: 'false', ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let spawnError: Error | undefined;
  child.once('error', (err) => {
    spawnError = err;
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (spawnError) {
      throw new Error(
        `Could not start ${bin} (${spawnError.message}). Install it with: python3 -m pip install "moto[server]" ` +
          '(or set MOTO_SERVER_BIN to its path).',
      );
    }
    if (child.exitCode !== null) throw new Error(`moto_server exited with ${child.exitCode}: ${stderr}`);
    try {
      const res = await fetch(`${url}/moto-api/`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`moto_server did not start on ${url} within 30 s: ${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    port,
    async reset() {
      await fetch(`${url}/moto-api/reset`, { method: 'POST' });
    },
    killNow() {
      if (child.exitCode === null) child.kill('SIGKILL');
    },
    async stop() {
      if (child.exitCode !== null) return;
      await new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 3_000).unref();
      });
    },
  };
}

/** A client factory pointed at moto, with few retries so error-path tests stay quick. */
export function motoClients(moto: MotoServer, extra: AwsClientSettings = {}): AwsClientFactory {
  return new AwsClientFactory({
    endpoint: moto.url,
    credentials: TEST_CREDENTIALS,
    retryMode: 'standard',
    maxAttempts: 2,
    requestTimeoutMs: 20_000,
    ...extra,
  });
}
