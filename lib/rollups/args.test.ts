import { describe, expect, it } from 'vitest';
import { parseRollupsArgs, refreshSinceDate, RollupsUsageError } from './args';

describe('parseRollupsArgs', () => {
  it('has defaults', () => {
    expect(parseRollupsArgs([])).toEqual({ force: false, sinceDays: null, print: false, help: false });
  });

  it('reads the options', () => {
    expect(parseRollupsArgs(['--force'])).toMatchObject({ force: true, sinceDays: null });
    expect(parseRollupsArgs(['--since-days', '3', '--print'])).toMatchObject({ sinceDays: 3, print: true });
    expect(parseRollupsArgs(['--since-days=7']).sinceDays).toBe(7);
    expect(parseRollupsArgs(['-h']).help).toBe(true);
  });

  it.each([
    [['--since-days', 'two'], '--since-days expects a whole number, got "two"'],
    [['--since-days', '-1'], 'ambiguous'],
    [['--since-days=-1'], '--since-days expects a whole number, got "-1"'],
    [['--since-days', '0'], '--since-days must be between 1 and 3650, got 0'],
    [['--since-days', '1.5'], '--since-days expects a whole number'],
    [['--since-days', '4000'], 'must be between 1 and 3650'],
    [['--since-days'], 'argument missing'],
    [['--force', '--since-days', '2'], 'cannot be combined'],
    [['--fast'], "Unknown option '--fast'"],
    [['build'], 'Unexpected argument'],
    [['--print=yes'], '--print'],
  ])('refuses %j', (argv, message) => {
    expect(() => parseRollupsArgs(argv)).toThrow(RollupsUsageError);
    expect(() => parseRollupsArgs(argv)).toThrow(message);
  });
});

describe('refreshSinceDate', () => {
  it('counts whole UTC days back from today', () => {
    expect(refreshSinceDate(new Date('2026-03-02T00:30:00Z'), 1)).toBe('2026-03-01');
    expect(refreshSinceDate(new Date('2026-03-02T23:59:59Z'), 3)).toBe('2026-02-27');
    expect(refreshSinceDate(new Date('2024-03-01T10:00:00+05:00'), 1)).toBe('2024-02-29');
    expect(refreshSinceDate(new Date('2026-01-05T12:00:00Z'), 10)).toBe('2025-12-26');
  });
});
