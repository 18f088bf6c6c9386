/**
 * npm run bench:print — the print path's benchmarks. BENCH_MODE=e2e (default): applications
 * posted over HTTP until their letters sit in ready batches (bench/print-e2e.ts);
 * BENCH_MODE=batches: already queued pieces sealed and rendered by a worker (bench/print-batches.ts).
 */
const mode = process.env.BENCH_MODE ?? 'e2e';
if (mode === 'e2e') await import('./print-e2e.ts');
else if (mode === 'batches') await import('./print-batches.ts');
else throw new Error(`BENCH_MODE must be e2e or batches, not ${mode}`);
export {};
