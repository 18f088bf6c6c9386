/**
 * Build of the citizen portal into client/dist, which the server serves with a strict Content
 * Security Policy: no inline script (so no module-preload polyfill), styles only from files.
 *
 * Two entries: the portal itself (index.html) and `parity-probe`, a small module that exposes
 * the shipped form validation so the browser tests can check it against the server's verdict.
 * It is built from the same modules as the portal and shares their chunks.
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const clientDir = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: clientDir,
  plugins: [react()],
  resolve: {
    // Only German and English messages of ajv-i18n: the wording is the same, the bundle smaller.
    alias: [{ find: /^ajv-i18n$/, replacement: fileURLToPath(new URL('src/validation/ajv-i18n-de-en.ts', import.meta.url)) }],
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The polyfill would be an inline <script>, which the page's CSP refuses.
    modulePreload: { polyfill: false },
    // Small assets as data: URLs would be allowed (img-src data:), but files keep the CSP simple.
    assetsInlineLimit: 0,
    sourcemap: true,
    rolldownOptions: {
      input: {
        index: fileURLToPath(new URL('index.html', import.meta.url)),
        'parity-probe': fileURLToPath(new URL('src/validation/parity-probe.ts', import.meta.url)),
      },
      // The probe must keep its exports although nothing in the portal imports it.
      preserveEntrySignatures: 'exports-only',
      output: {
        entryFileNames: (chunk) => (chunk.name === 'parity-probe' ? 'assets/parity-probe.js' : 'assets/[name]-[hash].js'),
      },
    },
  },
});
