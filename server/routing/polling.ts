/**
 * A loop that calls `round` until stopped, pausing `idleMs` after a round that found nothing to
 * do; a failed round is reported and the loop goes on. Shared by the delivery worker and the
 * print batcher.
 */
export interface Polling {
  start(): void;
  stop(): Promise<void>;
}

export function polling(round: () => Promise<number>, idleMs: number, onError: (error: unknown) => void): Polling {
  let running = false;
  let loop: Promise<void> | undefined;
  let wake: (() => void) | undefined;
  return {
    start() {
      if (running) return;
      running = true;
      loop = (async () => {
        while (running) {
          let done = 0;
          try {
            done = await round();
          } catch (error) {
            onError(error);
          }
          if (done === 0 && running)
            await new Promise<void>((resolve) => {
              wake = resolve;
              setTimeout(resolve, idleMs).unref();
            });
        }
      })();
    },
    async stop() {
      running = false;
      wake?.();
      await loop;
    },
  };
}
