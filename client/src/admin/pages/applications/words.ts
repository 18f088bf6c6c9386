/** Words the application pages share: delivery and letter states, dates for people. */
import type { Language } from '../../../../../shared/i18n.ts';
import type { DeliveryState, PieceState } from './types.ts';

export const applicationTexts = {
  de: {
    delivery: { pending: 'wartet', in_flight: 'wird gesendet', delivered: 'zugestellt', dead: 'gescheitert' } satisfies Record<DeliveryState, string>,
    piece: { queued: 'wartet auf den nächsten Druckstapel', batched: 'im Druckstapel', printed: 'gedruckt', failed: 'Druck aufgegeben', cancelled: 'zurückgezogen' } satisfies Record<
      PieceState,
      string
    >,
    noDeliveries: 'keine',
  },
  en: {
    delivery: { pending: 'waiting', in_flight: 'being sent', delivered: 'delivered', dead: 'failed' } satisfies Record<DeliveryState, string>,
    piece: { queued: 'waiting for the next print batch', batched: 'in a print batch', printed: 'printed', failed: 'printing given up', cancelled: 'withdrawn' } satisfies Record<
      PieceState,
      string
    >,
    noDeliveries: 'none',
  },
};

/** "1 zugestellt, 1 gescheitert": the counts that are not zero, in words. */
export function deliverySummary(counts: Record<DeliveryState, number>, words: (typeof applicationTexts)['de']): string {
  const parts = (Object.keys(words.delivery) as DeliveryState[]).filter((s) => (counts[s] ?? 0) > 0).map((s) => `${counts[s]} ${words.delivery[s]}`);
  return parts.length > 0 ? parts.join(', ') : words.noDeliveries;
}
