import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// `npm ci` refuses a lock that lacks any platform's optional native package (or names a version the
// registry does not have), so the committed lock must list every dependency of every package it holds.
const root = path.resolve(__dirname, '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const lock = JSON.parse(fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8'));
const entries: Record<string, { version?: string; dependencies?: Record<string, string>; optionalDependencies?: Record<string, string>; devDependencies?: Record<string, string> }> = lock.packages;

/** Resolves `dep` from the package at `from` the way Node does: nearest node_modules up the chain. */
function resolveInLock(from: string, dep: string): string | undefined {
  let base = from;
  for (;;) {
    const candidate = `${base ? `${base}/` : ''}node_modules/${dep}`;
    if (entries[candidate]) return candidate;
    if (!base) return undefined;
    const cut = base.lastIndexOf('/node_modules/');
    base = cut >= 0 ? base.slice(0, cut) : '';
  }
}

describe('package-lock.json', () => {
  it('lists every dependency, optional native packages of every platform included', () => {
    const missing: string[] = [];
    for (const [at, meta] of Object.entries(entries)) {
      for (const dep of Object.keys({ ...meta.dependencies, ...meta.optionalDependencies })) {
        if (!resolveInLock(at, dep)) missing.push(`${at || '(root)'} needs ${dep}`);
      }
    }
    expect(missing).toEqual([]);
    // A sample of the platforms the issue named, so a lock written on one machine only fails here.
    for (const name of ['@duckdb/node-bindings-darwin-arm64', '@duckdb/node-bindings-win32-x64', '@next/swc-darwin-arm64', '@tailwindcss/oxide-win32-x64-msvc']) {
      expect(entries[`node_modules/${name}`], name).toBeDefined();
    }
  });

  it('agrees with package.json, overrides included', () => {
    const rootEntry = entries['']!;
    expect(rootEntry.dependencies).toEqual(pkg.dependencies);
    expect(rootEntry.devDependencies).toEqual(pkg.devDependencies);
    for (const [name, version] of Object.entries(pkg.overrides as Record<string, string>)) {
      expect(entries[`node_modules/${name}`]?.version, name).toBe(version);
    }
  });
});
