/**
 * The `xoev-http` delivery channel: the message is built once (in the route's profile), checked
 * against its XSD before every attempt, and posted to the target. A message that fails its
 * schema is never sent; the delivery is dead with the validation errors.
 */
import type { Channel, DeliveryJob, Outcome } from '../routing/channel.ts';
import { postMessage } from '../routing/http-post.ts';
import { prepareMessage, validateMessage } from './outgoing.ts';

export function xoevHttpChannel(env: Record<string, string | undefined>): Channel {
  return {
    async send(job: DeliveryJob): Promise<Outcome> {
      const { delivery, definition, submission, target } = job;
      if (target.type !== 'xoev-http') return { kind: 'dead', error: `target type ${target.type} is not xoev-http` };
      const profil = definition.routes?.[delivery.routeIndex]?.profil ?? 'antragswerk';
      let xml = delivery.message;
      if (xml === null) {
        const prepared = prepareMessage({
          profil,
          sender: job.sender,
          leser: target.leser,
          nachrichtenUUID: delivery.messageUuid,
          erstellungszeitpunkt: delivery.createdAt,
          submission,
          definition,
          attachments: job.attachments,
        });
        if (prepared.errors.length > 0)
          return { kind: 'dead', error: 'message fails its XSD; not sent', validationErrors: prepared.errors };
        xml = prepared.xml;
        await job.remember(xml);
      } else {
        const errors = validateMessage(profil, definition, submission.formVersion, xml);
        if (errors.length > 0) return { kind: 'dead', error: 'message fails its XSD; not sent', validationErrors: errors };
      }
      return postMessage({
        targetId: delivery.targetId,
        target,
        body: xml,
        contentType: 'application/xml; charset=utf-8',
        idempotencyKey: delivery.messageUuid,
        env,
      });
    },
  };
}
