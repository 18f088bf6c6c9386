/**
 * The print threads: a piscina pool of worker threads (threads/worker.ts) that lay letters out
 * and render batches and previews. Created on first use, shared by the delivery channel, the
 * batcher and caseworkers' letters of a process; `PRINT_THREADS` sets its size.
 */
import { MessageChannel } from 'node:worker_threads';
import { Piscina } from 'piscina';
import { AddressError } from '../address.ts';
import type { Letter } from '../compose.ts';
import type { LetterLayout } from '../layout.ts';
import type { LetterPlacement } from '../letter.ts';
import type { AckMessage, ChunkMessage, LayoutAnswer, RenderAnswer, RenderTask } from './protocol.ts';

export interface PrintThreads {
  /** Lays a letter out; an unprintable address rejects with AddressError. */
  layOut(letter: Letter): Promise<LetterLayout>;
  /**
   * Renders letters into one PDF, handing each chunk to `write` (the next chunk is produced once
   * `write` resolves), so neither thread holds more than a chunk or two of the document.
   */
  render(task: Omit<RenderTask, 'port'>, write: (chunk: Buffer) => Promise<void>): Promise<LetterPlacement[]>;
  close(): Promise<void>;
}

const workerFile = new URL('./entry.mjs', import.meta.url);

/** A pool of `threads` print threads running the tasks of `entry` (the print thread's own by default). */
export function createPrintThreads(threads: number, entry: URL = workerFile): PrintThreads {
  const pool = new Piscina({
    filename: entry.href,
    minThreads: 0,
    maxThreads: threads,
    // Threads that were idle this long end; the next task starts one again.
    idleTimeout: 60_000,
    // One task at a time per thread: a render holds the thread for the whole batch.
    concurrentTasksPerWorker: 1,
  });
  // A thread that dies fails its task (the caller retries); the pool starts a new one. Errors
  // outside any task must not end the process either.
  pool.on('error', (error: unknown) => {
    process.emitWarning(`print thread failed: ${(error as Error).message}`);
  });

  async function render(task: Omit<RenderTask, 'port'>, write: (chunk: Buffer) => Promise<void>): Promise<LetterPlacement[]> {
    const { port1, port2 } = new MessageChannel();
    let failure: unknown;
    port1.on('message', (message: ChunkMessage) => {
      if (!('chunk' in message)) return;
      const chunk = Buffer.from(message.chunk.buffer, message.chunk.byteOffset, message.chunk.byteLength);
      write(chunk).then(
        () => port1.postMessage({ ack: true } satisfies AckMessage),
        (error: unknown) => {
          failure ??= error;
          port1.postMessage({ error: (error as Error).message } satisfies AckMessage);
        },
      );
    });
    try {
      const answer = (await pool.run({ ...task, port: port2 }, { name: 'render', transferList: [port2] })) as RenderAnswer;
      if ('addressError' in answer) throw new AddressError(answer.addressError);
      return answer.placements;
    } catch (error) {
      throw failure ?? error;
    } finally {
      port1.close();
    }
  }

  return {
    async layOut(letter) {
      const answer = (await pool.run(letter, { name: 'layOut' })) as LayoutAnswer;
      if ('addressError' in answer) throw new AddressError(answer.addressError);
      return answer.layout;
    },
    render,
    close: () => pool.close(),
  };
}

let shared: PrintThreads | undefined;
let sharedSize = 1;

/** Sets the size of the shared pool (from the configuration), before its first use. */
export function configurePrintThreads(threads: number): void {
  sharedSize = threads;
}

/** The pool this process shares. */
export function printThreads(): PrintThreads {
  return (shared ??= createPrintThreads(sharedSize));
}
