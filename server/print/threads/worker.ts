/**
 * Runs in a print thread (node:worker_threads, pooled by piscina): lays letters out and renders
 * them, so this CPU work never runs on the event loop that answers HTTP requests or holds the
 * database connection. Exported functions are the tasks the pool runs by name.
 */
import { Writable } from 'node:stream';
import { AddressError } from '../address.ts';
import type { Letter } from '../compose.ts';
import { controlMarkText } from '../datamatrix.ts';
import { chunkBytes } from '../document-store.ts';
import { LetterMeasurer } from '../layout.ts';
import { renderLetters } from '../letter.ts';
import type { AckMessage, LayoutAnswer, RenderAnswer, RenderTask } from './protocol.ts';

const measurer = new LetterMeasurer();

export function layOut(letter: Letter): LayoutAnswer {
  try {
    return { layout: measurer.layOut(letter) };
  } catch (error) {
    if (error instanceof AddressError) return { addressError: error.message };
    throw error;
  }
}

/** Sends the document through `port` in chunks of the store's chunk size, one at a time. */
function portWriter(port: RenderTask['port']): Writable {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let waiting: ((error?: Error) => void) | undefined;
  port.on('message', (message: AckMessage) => {
    const callback = waiting;
    waiting = undefined;
    callback?.('error' in message ? new Error(message.error) : undefined);
  });
  const send = (callback: (error?: Error) => void) => {
    // A fresh buffer of its own: it is moved to the main thread, not copied.
    const chunk = new Uint8Array(pendingBytes);
    let offset = 0;
    for (const part of pending) {
      chunk.set(part, offset);
      offset += part.length;
    }
    pending = [];
    pendingBytes = 0;
    waiting = callback;
    port.postMessage({ chunk }, [chunk.buffer]);
  };
  return new Writable({
    write(chunk: Buffer, _encoding, callback) {
      pending.push(chunk);
      pendingBytes += chunk.length;
      if (pendingBytes < chunkBytes) return callback();
      send(callback);
    },
    final(callback) {
      const end = () => {
        port.postMessage({ end: true });
        callback();
      };
      if (pendingBytes === 0) return end();
      send((error) => (error ? callback(error) : end()));
    },
  });
}

export async function render(task: RenderTask): Promise<RenderAnswer> {
  const { items, title, duplex, controlMarks, port } = task;
  try {
    const placements = await renderLetters(items, portWriter(port), {
      title,
      duplex,
      ...(controlMarks ? { controlMark: (i: number, sheet: number, sheets: number) => controlMarkText(controlMarks.batchId, controlMarks.seqs[i]!, sheet, sheets) } : {}),
    });
    return { placements };
  } catch (error) {
    if (error instanceof AddressError) return { addressError: error.message };
    throw error;
  } finally {
    port.close();
  }
}
