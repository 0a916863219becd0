import { describe, expect, it } from 'vitest';
import { BenchUsageError, buildIsStale, demoFileName, demoIsReusable, expectedGeneratorVersion, parseBenchArgs, resultBaseName } from './args';

describe('parseBenchArgs', () => {
  it('has defaults', () => {
    expect(parseBenchArgs([])).toEqual({ rows: 200_000, replicate: 1, seed: 42, days: 30, runs: 5, routes: undefined, pages: true, cached: true, plan: false, out: 'bench-results', screenshots: undefined, help: false });
  });

  it('reads sizes with underscores and k/m suffixes', () => {
    expect(parseBenchArgs(['--rows', '1_000_000']).rows).toBe(1_000_000);
    expect(parseBenchArgs(['--rows', '10m']).rows).toBe(10_000_000);
    expect(parseBenchArgs(['--rows', '200k']).rows).toBe(200_000);
  });

  it('reads the switches', () => {
    const a = parseBenchArgs(['--runs', '3', '--routes', '/^ops-/', '--no-pages', '--no-cached', '--plan']);
    expect(a).toMatchObject({ runs: 3, routes: '/^ops-/', pages: false, cached: false, plan: true });
    // Results go to bench-results/, never into the README.
    expect(() => parseBenchArgs(['--readme'])).toThrow(BenchUsageError);
  });

  it('reads --replicate when it divides the rows', () => {
    expect(parseBenchArgs(['--rows', '10m', '--replicate', '10']).replicate).toBe(10);
    expect(() => parseBenchArgs(['--rows', '1000', '--replicate', '3'])).toThrow('must divide');
    expect(() => parseBenchArgs(['--rows', '10000', '--replicate', '16'])).toThrow('must divide');
  });

  it('reaches 100M rows as up to 100 copies, and no further generated at once', () => {
    expect(parseBenchArgs(['--rows', '100m', '--replicate', '100'])).toMatchObject({ rows: 100_000_000, replicate: 100 });
    expect(() => parseBenchArgs(['--rows', '100m'])).toThrow('needs --replicate');
    expect(() => parseBenchArgs(['--rows', '101m', '--replicate', '101'])).toThrow(BenchUsageError);
  });

  it('refuses bad values and unknown options', () => {
    expect(() => parseBenchArgs(['--rows', 'lots'])).toThrow(BenchUsageError);
    expect(() => parseBenchArgs(['--runs', '0'])).toThrow('--runs must be between 1 and 100');
    expect(() => parseBenchArgs(['--fast'])).toThrow(BenchUsageError);
  });
});

describe('demo and results naming', () => {
  it('keys the demo by rows, seed and non-default days', () => {
    expect(demoFileName(1_000_000, 42, 30)).toBe('demo-1000000-s42.duckdb');
    expect(demoFileName(1_000_000, 7, 90)).toBe('demo-1000000-s7-d90.duckdb');
    expect(demoFileName(10_000_000, 42, 30, 10)).toBe('demo-10000000-s42-x10.duckdb');
  });

  it('names results by date and size', () => {
    const d = new Date('2026-11-22T16:04:05Z');
    expect(resultBaseName(d, 10_000_000)).toBe('2026-11-22-10m');
    expect(resultBaseName(d, 200_000)).toBe('2026-11-22-200k');
    expect(resultBaseName(d, 1234)).toBe('2026-11-22-1234');
  });
});

describe('freshness', () => {
  it('reuses a demo of the same size and generator version, whatever its age', () => {
    const meta = { rows: 1_000_000, end: new Date('2025-01-01T00:00:00Z'), generatorVersion: '1.1.0' };
    expect(demoIsReusable(meta, 1_000_000, '1.1.0')).toBe(true);
    expect(demoIsReusable(meta, 2_000_000, '1.1.0')).toBe(false);
    expect(demoIsReusable(meta, 1_000_000, '1.2.0')).toBe(false);
    expect(demoIsReusable({ ...meta, end: new Date(Number.NaN) }, 1_000_000, '1.1.0')).toBe(false);
    expect(demoIsReusable(null, 1_000_000, '1.1.0')).toBe(false);
    expect(expectedGeneratorVersion('1.1.0', 1)).toBe('1.1.0');
    expect(expectedGeneratorVersion('1.1.0', 100)).toBe('1.1.0 replicated x100');
  });

  it('rebuilds when there is no build or a source is newer', () => {
    expect(buildIsStale(null, 1)).toBe(true);
    expect(buildIsStale(100, 200)).toBe(true);
    expect(buildIsStale(200, 100)).toBe(false);
  });
});
