import 'server-only';
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { sampleTreeMemory, type MemoryPeak } from './rss';

export interface BenchServer {
  url: string;
  pid: number;
  memory(): MemoryPeak;
  stop(): Promise<MemoryPeak>;
}

/** A port nobody listens on right now (the kernel picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Starts the production server (scripts/start.mjs) on the embedded engine over `demoPath`, in its
 * own process group so stopping it ends next's children too, and samples its memory meanwhile.
 */
export async function startServer(opts: { cwd: string; demoPath: string; queryCache: boolean; clockNow?: string }): Promise<BenchServer> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    PORT: String(port),
    HOST: '127.0.0.1',
    WAREHOUSE_ENGINE: 'duckdb',
    DEMO_DB: opts.demoPath,
    QUERY_CACHE: opts.queryCache ? 'on' : 'off',
    LOG_LEVEL: 'warn',
    // The demo as generated: no feeder appending rows and no alert evaluator running beside the
    // timed calls (both are on by default for a demo served at the real clock).
    DEMO_LIVE: 'off',
    ALERTS_EVALUATOR: 'off',
    // The dashboard's now (lib/time/clock.ts): the demo's end, so ranges cover its data at any age.
    ...(opts.clockNow ? { CLOCK_NOW: opts.clockNow } : {}),
  };
  delete env.DATA_DIR;
  delete env.WAREHOUSE_FAULTS;
  const child = spawn(process.execPath, ['scripts/start.mjs'], { cwd: opts.cwd, env, detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => { stderr = (stderr + d.toString()).slice(-4000); });
  const url = `http://127.0.0.1:${port}`;
  const sampler = sampleTreeMemory(child.pid!);
  try {
    // deep=1 opens the engine, so its start-up cost is not charged to the first measured call.
    await waitHealthy(`${url}/api/health?deep=1`, child, 300_000);
  } catch (err) {
    await stopGroup(child);
    throw new Error(`${(err as Error).message}\n${stderr}`);
  }
  return {
    url,
    pid: child.pid!,
    memory: () => sampler.peek(),
    async stop() {
      const peak = sampler.stop();
      await stopGroup(child);
      return peak;
    },
  };
}

async function waitHealthy(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the server did not become healthy within ${timeoutMs / 1000} s`);
}

async function stopGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const signal = (sig: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, sig);
    } catch {
      // already gone
    }
  };
  signal('SIGTERM');
  const timer = setTimeout(() => signal('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}
