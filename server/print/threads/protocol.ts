/**
 * What the print threads are asked and answer (structured-clone data only). An unprintable
 * address is an answer, not an error: the class of an error does not cross a thread boundary.
 */
import type { MessagePort } from 'node:worker_threads';
import type { Letter } from '../compose.ts';
import type { LetterLayout } from '../layout.ts';
import type { LetterPlacement } from '../letter.ts';

export type LayoutAnswer = { layout: LetterLayout } | { addressError: string };

export interface RenderTask {
  /** Laid-out letters; a letter stored without a layout (queued before layouts were kept) is laid out in the thread. */
  items: Array<Letter | LetterLayout>;
  title: string;
  duplex: boolean;
  /** Control marks for this batch: its id and the pieces' positions (`seq`), in the order of `items`. */
  controlMarks?: { batchId: string; seqs: number[] };
  /** The document goes out here in chunks; each chunk is acknowledged before the next is sent. */
  port: MessagePort;
}

export type RenderAnswer = { placements: LetterPlacement[] } | { addressError: string };

/** Thread → main: a piece of the document, or the end of it. */
export type ChunkMessage = { chunk: Uint8Array } | { end: true };
/** Main → thread: the chunk is stored, or storing failed. */
export type AckMessage = { ack: true } | { error: string };
