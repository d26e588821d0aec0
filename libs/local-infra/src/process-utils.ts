import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';

/** True when nothing listens on 127.0.0.1:port and we may bind it. */
export function isPortFree(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/** Asks the kernel for a free loopback port (used by tests and when a port is configured as 0). */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen({ port: 0, host: '127.0.0.1' }, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The executable name of a live process, from /proc (Linux), or undefined. */
export function processName(pid: number): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return undefined;
  }
}

/** The live processes whose parent is `pid`, from /proc (Linux). */
export function childPids(pid: number): number[] {
  const children: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // "pid (comm) state ppid …": comm may hold spaces and parentheses, so read after the last ')'.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid) children.push(Number(entry));
    } catch {
      /* it exited meanwhile */
    }
  }
  return children;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

const SETPRIV = '/usr/bin/setpriv';

/**
 * Spawns a server process that dies with us: through `setpriv --pdeathsig` the kernel sends it
 * `deathSignal` when this process ends for any reason, SIGKILL included, so no orphan outlives
 * the launcher. The child gets its own process group so that a terminal's Ctrl-C reaches only
 * us and we stop the servers in order.
 */
export function spawnTied(command: string, args: string[], deathSignal: NodeJS.Signals, options: SpawnOptions): ChildProcess {
  const tied = existsSync(SETPRIV);
  const file = tied ? SETPRIV : command;
  const argv = tied ? [`--pdeathsig=${deathSignal.replace('SIG', '')}`, '--', command, ...args] : args;
  return spawn(file, argv, { ...options, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Resolves when the child exits (immediately when it already has). */
export function waitForExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/** Keeps the last lines a child wrote, for error messages. */
export class OutputTail {
  private lines: string[] = [];
  constructor(private readonly max = 20) {}
  push(chunk: Buffer | string): void {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (line.trim()) this.lines.push(line.trim());
    }
    if (this.lines.length > this.max) this.lines = this.lines.slice(-this.max);
  }
  last(n = 3): string {
    return this.lines.slice(-n).join(' | ');
  }
  all(): string[] {
    return [...this.lines];
  }
}
