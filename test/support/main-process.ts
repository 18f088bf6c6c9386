/**
 * `npm start`'s entry point as a child process: its JSON log lines as they come, a wait for a
 * line, and a stop that ends it (SIGTERM, then SIGKILL) — never left running, never waited on
 * forever.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

export interface LogLine {
  level: number;
  msg: string;
  [key: string]: unknown;
}

export interface MainProcess {
  lines: LogLine[];
  stderr(): string;
  /** The first log line matching, waiting up to `timeoutMs`. */
  waitFor(match: (line: LogLine) => boolean, timeoutMs?: number): Promise<LogLine>;
  stop(): Promise<void>;
}

export function spawnMain(env: Record<string, string>): MainProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: LogLine[] = [];
  const waiters = new Set<() => void>();
  let failure: Error | undefined;
  let err = '';
  let pending = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    pending += chunk;
    const complete = pending.split('\n');
    pending = complete.pop()!;
    for (const text of complete.filter((t) => t.trim() !== '')) {
      try {
        lines.push(JSON.parse(text) as LogLine);
      } catch {
        lines.push({ level: 0, msg: text });
      }
    }
    for (const wake of waiters) wake();
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.once('error', (error) => (failure = error));
  child.once('exit', (code) => {
    failure ??= new Error(`server exited with ${code}: ${err}`);
    for (const wake of waiters) wake();
  });
  const killer = setTimeout(() => child.kill('SIGKILL'), 300_000);
  killer.unref();
  return {
    lines,
    stderr: () => err,
    waitFor(match, timeoutMs = 90_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = lines.find(match);
          if (found) done(() => resolve(found));
          else if (failure) done(() => reject(failure));
        };
        const timer = setTimeout(() => done(() => reject(new Error(`no such log line within ${timeoutMs} ms; stderr: ${err}`))), timeoutMs);
        const done = (finish: () => void) => {
          clearTimeout(timer);
          waiters.delete(check);
          finish();
        };
        waiters.add(check);
        check();
      });
    },
    async stop() {
      clearTimeout(killer);
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const hard = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(hard);
    },
  };
}
