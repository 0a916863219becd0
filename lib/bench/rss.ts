import 'server-only';
import fs from 'node:fs';

/** Resident memory of one process from /proc/<pid>/status, in kB; null when a field is absent. */
export function parseProcStatus(text: string): { vmRssKb: number | null; vmHwmKb: number | null } {
  const field = (name: string) => {
    const m = new RegExp(`^${name}:\\s+(\\d+)\\s*kB`, 'm').exec(text);
    return m ? Number(m[1]) : null;
  };
  return { vmRssKb: field('VmRSS'), vmHwmKb: field('VmHWM') };
}

/** pid and parent pid from /proc/<pid>/stat. The command name may hold spaces and parentheses, so fields are read after the last ')'. */
export function parseProcStat(text: string): { pid: number; ppid: number } | null {
  const close = text.lastIndexOf(')');
  if (close < 0) return null;
  const pid = Number.parseInt(text, 10);
  const rest = text.slice(close + 2).split(' ');
  const ppid = Number(rest[1]);
  return Number.isInteger(pid) && Number.isInteger(ppid) ? { pid, ppid } : null;
}

/** The root and all its descendants. */
export function processTree(root: number, procs: readonly { pid: number; ppid: number }[]): number[] {
  const children = new Map<number, number[]>();
  for (const p of procs) children.set(p.ppid, [...(children.get(p.ppid) ?? []), p.pid]);
  const out: number[] = [];
  const stack = [root];
  const seen = new Set<number>();
  while (stack.length) {
    const pid = stack.pop()!;
    if (seen.has(pid)) continue;
    seen.add(pid);
    out.push(pid);
    stack.push(...(children.get(pid) ?? []));
  }
  return out;
}

export interface MemoryPeak {
  /** Highest sum of VmRSS over the tree seen by the sampler. */
  peakTreeRssKb: number;
  /** Largest VmHWM (the kernel's own peak RSS) of any one process in the tree. */
  peakProcessHwmKb: number;
  samples: number;
}

function readProc(pid: number, file: 'status' | 'stat'): string | null {
  try {
    return fs.readFileSync(`/proc/${pid}/${file}`, 'utf8');
  } catch {
    return null; // the process ended between listing and reading
  }
}

/** Samples the resident memory of a process tree (Linux /proc) until stopped. */
export function sampleTreeMemory(root: number, everyMs = 250): { stop(): MemoryPeak; peek(): MemoryPeak } {
  const peak: MemoryPeak = { peakTreeRssKb: 0, peakProcessHwmKb: 0, samples: 0 };
  const sample = () => {
    let pids: number[];
    try {
      pids = fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d)).map(Number);
    } catch {
      return; // not Linux: memory is reported as unknown
    }
    const procs = pids.map((pid) => readProc(pid, 'stat')).flatMap((t) => (t ? [parseProcStat(t)].filter((p) => p !== null) : []));
    let sum = 0;
    for (const pid of processTree(root, procs)) {
      const status = readProc(pid, 'status');
      if (!status) continue;
      const { vmRssKb, vmHwmKb } = parseProcStatus(status);
      sum += vmRssKb ?? 0;
      peak.peakProcessHwmKb = Math.max(peak.peakProcessHwmKb, vmHwmKb ?? 0);
    }
    peak.peakTreeRssKb = Math.max(peak.peakTreeRssKb, sum);
    peak.samples++;
  };
  sample();
  const timer = setInterval(sample, everyMs);
  timer.unref();
  return {
    peek: () => ({ ...peak }),
    stop: () => {
      clearInterval(timer);
      sample();
      return { ...peak };
    },
  };
}
