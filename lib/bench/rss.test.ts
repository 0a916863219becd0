import { describe, expect, it } from 'vitest';
import { parseProcStat, parseProcStatus, processTree } from './rss';

const STATUS = `Name:\tnext-server (v1
Umask:\t0022
State:\tS (sleeping)
VmPeak:\t 12345678 kB
VmSize:\t 11345678 kB
VmHWM:\t  812344 kB
VmRSS:\t  640120 kB
Threads:\t17
`;

describe('parseProcStatus', () => {
  it('reads VmRSS and VmHWM in kB', () => {
    expect(parseProcStatus(STATUS)).toEqual({ vmRssKb: 640120, vmHwmKb: 812344 });
  });

  it('gives null for a kernel thread without memory fields', () => {
    expect(parseProcStatus('Name:\tkthreadd\nState:\tS (sleeping)\n')).toEqual({ vmRssKb: null, vmHwmKb: null });
  });
});

describe('parseProcStat', () => {
  it('reads pid and ppid', () => {
    expect(parseProcStat('4242 (node) S 4200 4242 4200 0 -1 4194560 1 0')).toEqual({ pid: 4242, ppid: 4200 });
  });

  it('copes with spaces and parentheses in the command name', () => {
    expect(parseProcStat('77 (next-server (v16.4) x) R 12 77 12 0')).toEqual({ pid: 77, ppid: 12 });
  });

  it('rejects text that is not a stat line', () => {
    expect(parseProcStat('garbage')).toBeNull();
  });
});

describe('processTree', () => {
  it('collects every descendant of the root and nothing else', () => {
    const procs = [
      { pid: 1, ppid: 0 }, { pid: 10, ppid: 1 }, { pid: 11, ppid: 10 }, { pid: 12, ppid: 11 },
      { pid: 13, ppid: 10 }, { pid: 20, ppid: 1 },
    ];
    expect(processTree(10, procs).sort((a, b) => a - b)).toEqual([10, 11, 12, 13]);
  });

  it('is just the root when it has no children', () => {
    expect(processTree(99, [{ pid: 99, ppid: 1 }])).toEqual([99]);
  });
});
