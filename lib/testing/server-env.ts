import fs from 'node:fs';
import { vi } from 'vitest';
import { resetConfig } from '@/lib/config';

/** Sets (or, with undefined, removes) server variables and makes the next request read them. */
export function setServerEnv(vars: Record<string, string | undefined>): void {
  for (const [name, value] of Object.entries(vars)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  resetConfig();
}

/** The JSON log lines written to stderr (warn and error) from now until vi.restoreAllMocks(). */
export function captureLogLines(): Record<string, unknown>[] {
  const lines: Record<string, unknown>[] = [];
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    for (const l of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(l));
    return true;
  });
  return lines;
}

/** Closes the process's engine and removes the test's private data folder. */
export async function closeServer(dir: string): Promise<void> {
  const { closeWarehouse } = await import('@/lib/engine');
  await closeWarehouse();
  fs.rmSync(dir, { recursive: true, force: true });
}

/** Forgets the variables a test set, and its spies on the log. */
export function resetServerEnv(): void {
  setServerEnv({ PII_REVEAL: undefined });
  vi.restoreAllMocks();
}
