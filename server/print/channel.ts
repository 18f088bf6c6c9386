/**
 * The `print` delivery channel: the delivery's letter is composed from the template (the route's
 * own or the print profile's), laid out once in a print thread (never on this event loop, never
 * inside a transaction), and queued as a piece with its layout, which the batch only draws.
 * Processing a delivery twice queues one piece (the piece is keyed by the delivery).
 */
import type { Database } from '../db/database.ts';
import type { Channel, DeliveryJob, Outcome } from '../routing/channel.ts';
import { AddressError } from './address.ts';
import { composeLetter } from './compose.ts';
import { sheetsFor } from './letter.ts';
import { queuePiece } from './pieces.ts';
import type { LetterTemplate } from './templates.ts';
import { printThreads, type PrintThreads } from './threads/pool.ts';

export function printChannel(db: Database, templates: ReadonlyMap<string, LetterTemplate>, threads: () => PrintThreads = printThreads): Channel {
  return {
    async send(job: DeliveryJob): Promise<Outcome> {
      const { delivery, definition, submission, target } = job;
      if (target.type !== 'print') return { kind: 'dead', error: `target type ${target.type} is not print` };
      const templateId = definition.routes?.[delivery.routeIndex]?.template ?? target.template;
      const template = templates.get(templateId);
      if (!template) return { kind: 'dead', error: `letter template "${templateId}" is not loaded` };
      // Letterhead and return address: the submission's authority, else the print target's own.
      const letterhead = job.authority ?? target.letterhead;
      if (!letterhead) return { kind: 'dead', error: 'no letterhead: neither the submission nor the print target has an authority' };
      let letter, layout;
      try {
        letter = composeLetter(template, definition, submission, letterhead);
        layout = await threads().layOut(letter);
      } catch (error) {
        // The address cannot be printed readably: no retry will change that.
        if (error instanceof AddressError) return { kind: 'dead', error: `address not printable: ${error.message}` };
        throw error;
      }
      const sheets = sheetsFor(layout.pages.length, target.duplex);
      if (sheets > target.maxSheetsPerEnvelope)
        return { kind: 'dead', error: `letter needs ${sheets} sheets, the envelope takes ${target.maxSheetsPerEnvelope}` };
      await queuePiece(db, {
        deliveryId: delivery.id,
        submissionId: submission.id,
        profile: delivery.targetId,
        reference: submission.reference,
        letter,
        layout,
        sheets,
      });
      return { kind: 'delivered' };
    },
  };
}
