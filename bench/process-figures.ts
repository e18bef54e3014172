// What a server process (and the processes it started: LDN_WORKERS) costs, read from /proc: CPU time per request
// measured alone (one request at a time, nothing else asked of it), and resident memory.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

/** The process and every process under it. */
export function processTree(pid: number): number[] {
  let children: number[] = [];
  try {
    children = execFileSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' })
      .split('\n')
      .map((l) => Number(l.trim()))
      .filter((n) => n > 0);
  } catch {
    // ps answers 1 when there are none.
  }
  return [pid, ...children.flatMap(processTree)];
}

const TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

/** User and system CPU time of the processes, in milliseconds. */
function cpuMs(pids: number[]): number {
  let ticks = 0;
  for (const pid of pids) {
    try {
      // Fields after the command's closing parenthesis: utime and stime are the 12th and 13th.
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // Gone meanwhile.
    }
  }
  return (ticks * 1000) / TICKS_PER_SECOND;
}

/** Resident memory of the processes, in MB: the largest of them and all together. */
export function residentMb(pid: number): { largest: number; total: number } {
  const each = processTree(pid).map((p) => {
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${p}/status`, 'utf8'));
      return m ? Number(m[1]) / 1024 : 0;
    } catch {
      return 0;
    }
  });
  return { largest: Math.max(0, ...each), total: each.reduce((a, b) => a + b, 0) };
}

/**
 * CPU milliseconds a request costs the server when it is the only one: `n` requests one after the other (after
 * `warm` unmeasured ones), the server tree's CPU time before and after, divided by `n`. Each request's address
 * from `path` (a parameter no page reads, so each page is rendered afresh).
 */
export async function cpuMsPerRequest(
  pid: number,
  base: string,
  path: () => string,
  headers: Record<string, string>,
  n = 300,
  warm = 50,
): Promise<number> {
  const get = async () => {
    const res = await fetch(`${base}${path()}`, { headers });
    if (!res.ok) throw new Error(`${path()} answered ${res.status}`);
    await res.arrayBuffer();
  };
  for (let i = 0; i < warm; i++) await get();
  const pids = processTree(pid);
  const before = cpuMs(pids);
  for (let i = 0; i < n; i++) await get();
  return (cpuMs(pids) - before) / n;
}
