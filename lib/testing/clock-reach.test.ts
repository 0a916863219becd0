import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { clockReach, clockGuardFiles, testFiles, timeReads } from './clock-reach';
import vitestConfig from '@/vitest.config.mjs';

const root = process.cwd();

describe('timeReads', () => {
  it('finds every way a module can see the time', () => {
    const reads = (text: string) => timeReads('x.ts', text);
    expect(reads('const t = Date.now();')).toEqual(['Date.now']);
    expect(reads('const t = globalThis.Date.now();')).toEqual(['Date.now']);
    expect(reads('const clock = opts.now ?? Date.now;')).toEqual(['Date.now']);
    expect(reads('const d = new Date();')).toEqual(['new Date()']);
    expect(reads('const d = new Date;')).toEqual(['new Date()']);
    expect(reads('const s = Date();')).toEqual(['Date()']);
    expect(reads('const o = performance.timeOrigin;')).toEqual(['performance.timeOrigin']);
    expect(reads('const pinned = process.env.CLOCK_NOW;')).toEqual(['CLOCK_NOW']);
    expect(reads("const pinned = process.env['CLOCK_NOW'];")).toEqual(['CLOCK_NOW']);
    expect(reads("import { spawnSync } from 'node:child_process';")).toEqual(['imports node:child_process']);
    expect(reads("const w = await import('node:worker_threads');")).toEqual(['imports node:worker_threads']);
    expect(reads('const m = await import(`./queries/${id}`);')).toEqual(['an import chosen at run time']);
  });

  it('lets a fixed instant, a duration and a comment through', () => {
    expect(timeReads('x.ts', [
      "const d = new Date('2026-11-22T12:34:00Z');",
      'const e = new Date(d.getTime() - 60_000);',
      'const ms = Date.parse(s) + Date.UTC(2026, 10, 22);',
      'const t0 = performance.now();',
      '// Date.now() would read the wall clock',
      "const m = await import('./fixed');",
    ].join('\n'))).toEqual([]);
  });

  it('knows the modules that read the time today', () => {
    const of = (file: string) => timeReads(file, fs.readFileSync(path.join(root, file), 'utf8'));
    expect(of('lib/time/clock.ts')).toEqual(expect.arrayContaining(['Date.now', 'CLOCK_NOW']));
    expect(of('lib/warehouse/shared-runner.ts')).toEqual(['Date.now']);
    expect(of('lib/logger.ts')).toContain('new Date()');
    expect(of('lib/demo/generate.ts')).toContain('new Date()');
  });
});

/**
 * A second, independent reading of the graph: TypeScript's own transpiler erases the type-only
 * imports and the comments, its resolver follows the tsconfig paths, and a plain text search looks
 * for the time in what is left. It must agree that no file outside the guard can see the time.
 */
function compiledClosure(test: string): { files: string[]; hits: string[] } {
  const options = { ...ts.readConfigFile(path.join(root, 'tsconfig.json'), ts.sys.readFile).config.compilerOptions };
  const { options: compilerOptions } = ts.convertCompilerOptionsFromJson(options, root);
  const SEEN_TIME = /\bDate\.now\b|\bnew\s+Date\s*(\(\s*\)|[^\s(])|(?<![\w.$])Date\s*\(\s*\)|CLOCK_NOW|child_process|worker_threads|\btimeOrigin\b|\bimport\s*\(\s*[^'"\s]|\brequire\s*\(\s*[^'"\s]/;
  const files: string[] = [];
  const hits: string[] = [];
  const queue = [path.join(root, test)];
  const seen = new Set(queue);
  while (queue.length) {
    const file = queue.shift()!;
    files.push(path.relative(root, file));
    const js = ts.transpileModule(fs.readFileSync(file, 'utf8'), { compilerOptions: { ...compilerOptions, removeComments: true, verbatimModuleSyntax: false, isolatedModules: true }, fileName: file }).outputText;
    const hit = js.match(SEEN_TIME);
    if (hit) hits.push(`${path.relative(root, file)}: ${hit[0]}`);
    for (const ref of ts.preProcessFile(js, true, true).importedFiles) {
      const resolved = ts.resolveModuleName(ref.fileName, file, compilerOptions, ts.sys).resolvedModule;
      if (!resolved || resolved.isExternalLibraryImport || resolved.resolvedFileName.endsWith('.d.ts')) continue;
      if (!seen.has(resolved.resolvedFileName)) {
        seen.add(resolved.resolvedFileName);
        queue.push(resolved.resolvedFileName);
      }
    }
  }
  return { files, hits };
}

describe('the clock-guard pass', () => {
  const reach = clockReach(root);
  const guarded = new Set(clockGuardFiles(root));

  it('runs exactly the test files that can see the time, and every test file is judged', () => {
    expect([...reach.keys()]).toEqual(testFiles(root));
    // Nearly all suites reach the clock (through config, the demo generator or the logger); the small pure ones do not.
    expect(guarded.size).toBeGreaterThan(30);
    expect(reach.size - guarded.size).toBeGreaterThan(30);
    for (const file of ['lib/rollups/equivalence.test.ts', 'lib/catalogue/unattended.test.ts', 'lib/alerts/evaluator.test.ts', 'lib/demo/generate.test.ts']) expect(guarded, file).toContain(file);
  });

  it('is what vitest runs with --mode clock-guard', () => {
    const config = typeof vitestConfig === 'function' ? vitestConfig({ mode: 'clock-guard', command: 'serve' }) : vitestConfig;
    expect((config as { test: { include: string[] } }).test.include).toEqual([...guarded]);
  });

  it('leaves out no test file whose compiled import closure can see the time', () => {
    const escaped: string[] = [];
    for (const test of testFiles(root).filter((f) => !guarded.has(f))) {
      const { files, hits } = compiledClosure(test);
      expect(files[0]).toBe(test);
      if (hits.length) escaped.push(`${test} → ${hits.join(', ')}`);
    }
    expect(escaped).toEqual([]);
  });

  it('the second reading sees the time where the guard does', () => {
    // The same text search finds the clock through the graph of a guarded suite, so its silence above means something.
    expect(compiledClosure('lib/catalogue/filters.test.ts').hits.join('\n')).toMatch(/lib\/time\/clock\.ts: (Date\.now|CLOCK_NOW)/);
    expect(compiledClosure('lib/logger.test.ts').hits.join('\n')).toMatch(/lib\/logger\.ts: new Date\(\)/);
  });
});
