import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { moduleImports } from './import-graph';

/**
 * Which test files the clock-guard pass (`npm run test:clock`) runs again: those whose code can
 * see the time. The guard only moves `CLOCK_NOW`; a test that never reaches code reading the
 * time answers the same at any instant, so running it twice proves nothing.
 */

/** Folders vitest does not collect tests from (vitest.config.mts `exclude`), and dot-folders. */
const NOT_TESTS = new Set(['node_modules', '.next', 'e2e', 'data']);
const TEST_FILE = /\.test\.tsx?$/;
/** A child process or worker inherits `CLOCK_NOW` and runs code this graph does not see. */
const SPAWNS = new Set(['child_process', 'node:child_process', 'worker_threads', 'node:worker_threads', 'cluster', 'node:cluster']);

/** Every file vitest collects as a test under `root`, relative and sorted. */
export function testFiles(root: string, dir = ''): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
    if (entry.name.startsWith('.') || (dir === '' && NOT_TESTS.has(entry.name)) || entry.name === 'node_modules') continue;
    const rel = dir ? path.posix.join(dir, entry.name) : entry.name;
    if (entry.isDirectory()) out.push(...testFiles(root, rel));
    else if (TEST_FILE.test(entry.name)) out.push(rel);
  }
  return out.sort();
}

const isDate = (e: ts.Expression) => (ts.isIdentifier(e) && e.text === 'Date') || (ts.isPropertyAccessExpression(e) && e.name.text === 'Date');

/**
 * How a module's own text can see the time, one phrase per way (empty when it cannot): the wall
 * clock (`Date.now`, called or handed on, `new Date()`, `Date()`, `performance.timeOrigin`), the pinned clock's
 * variable, a child process or worker, or an import whose module is chosen at run time.
 */
export function timeReads(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found = new Set<string>();
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      if (isDate(callee)) found.add('Date()');
      const first = node.arguments[0];
      const dynamic = callee.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(callee) && callee.text === 'require');
      if (dynamic && first && !ts.isStringLiteralLike(first)) found.add('an import chosen at run time');
      if (dynamic && first && ts.isStringLiteralLike(first) && SPAWNS.has(first.text)) found.add(`imports ${first.text}`);
    } else if (ts.isNewExpression(node) && isDate(node.expression) && !node.arguments?.length) {
      found.add('new Date()');
    } else if (ts.isPropertyAccessExpression(node) && node.name.text === 'now' && isDate(node.expression)) {
      // Called or handed on (`opts.now ?? Date.now`).
      found.add('Date.now');
    } else if (ts.isPropertyAccessExpression(node) && node.name.text === 'timeOrigin') {
      found.add('performance.timeOrigin');
    } else if ((ts.isIdentifier(node) || ts.isStringLiteralLike(node)) && node.text === 'CLOCK_NOW') {
      found.add('CLOCK_NOW');
    } else if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier) && SPAWNS.has(node.moduleSpecifier.text)) {
      found.add(`imports ${node.moduleSpecifier.text}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return [...found];
}

/** For each test file: the first module found in its import closure that reads the time, or null. */
export function clockReach(root: string, tests = testFiles(root)): Map<string, { module: string; reads: string[] } | null> {
  const imports = new Map<string, string[]>();
  const reads = new Map<string, string[]>();
  const readsOf = (file: string) => reads.get(file) ?? reads.set(file, timeReads(file, fs.readFileSync(path.join(root, file), 'utf8'))).get(file)!;
  // Type-only imports are erased before anything runs.
  const importsOf = (file: string) => imports.get(file) ?? imports.set(file, moduleImports(root, file).filter((e) => !e.typeOnly).map((e) => e.to)).get(file)!;
  const out = new Map<string, { module: string; reads: string[] } | null>();
  for (const test of tests) {
    const seen = new Set([test]);
    const queue = [test];
    let hit: { module: string; reads: string[] } | null = null;
    while (queue.length && !hit) {
      const file = queue.shift()!;
      if (readsOf(file).length) hit = { module: file, reads: readsOf(file) };
      for (const next of importsOf(file)) if (!seen.has(next)) { seen.add(next); queue.push(next); }
    }
    out.set(test, hit);
  }
  return out;
}

/** The test files the clock-guard pass runs: every one whose import closure can see the time. */
export function clockGuardFiles(root: string): string[] {
  return [...clockReach(root)].filter(([, hit]) => hit).map(([file]) => file);
}
