/**
 * Signing in through the installation's OpenID provider in Chromium: the sign-in page offers it,
 * the provider (a real oidc-provider) signs the caseworker in and the back office names their
 * role; a refused answer (an expired ID token) brings them back to the sign-in page with the
 * reason in words. Axe finds nothing on either page.
 */
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { before, after, describe, test } from 'node:test';
import { startTestProvider, type TestProvider } from '../support/oidc-provider.ts';
import { assertAccessible } from './support/axe.ts';
import { portalSuite } from './support/suite.ts';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('sign-in through the OpenID provider', () => {
  let provider: TestProvider;
  let port: number;
  const origin = () => `http://127.0.0.1:${port}`;

  before(async () => {
    port = await freePort();
    provider = await startTestProvider({ clientId: 'antragswerk', clientSecret: 'secret-of-the-browser-test', redirectUri: `${origin()}/api/auth/oidc/callback` });
  });
  after(() => provider.close());

  const portal = portalSuite({
    env: () => ({
      PORT: String(port),
      PUBLIC_URL: origin(),
      OIDC_ISSUER: provider.issuer,
      OIDC_CLIENT_ID: 'antragswerk',
      OIDC_CLIENT_SECRET: 'secret-of-the-browser-test',
      OIDC_ROLE_MAP: JSON.stringify({ 'steuer-sb': 'sachbearbeitung:steueramt' }),
    }),
  });

  test('the provider signs a caseworker in; an expired answer is refused with the reason', async () => {
    provider.signInAs({ sub: 'k-42', email: 'karla.steuer@musterstadt.example', name: 'Karla Steuer', roles: ['steuer-sb'] });
    const portalPage = await portal.open('/admin/anmelden', { viewport: { width: 320, height: 640 } });
    const { page } = portalPage;
    const start = page.getByRole('link', { name: 'Mit dem Dienstkonto anmelden' });
    await start.waitFor();
    await assertAccessible(page, 'sign-in page offering the work account');
    await start.click();
    await page.getByRole('heading', { level: 1, name: 'Übersicht' }).waitFor();
    assert.equal(new URL(page.url()).pathname, '/admin');
    await page.getByText('Willkommen, Karla Steuer.').waitFor();
    await page.getByText('Sachbearbeitung — Behörde steueramt').waitFor();
    await page.getByRole('button', { name: 'Abmelden' }).click();
    await page.getByText('Sie sind abgemeldet.').waitFor();

    provider.tamper('expired');
    await page.getByRole('link', { name: 'Mit dem Dienstkonto anmelden' }).click();
    await page.getByRole('alert').getByText(/Die Antwort des Anmeldesystems war nicht gültig/).waitFor();
    const url = new URL(page.url());
    assert.equal(url.pathname, '/admin/anmelden');
    assert.equal(url.searchParams.get('fehler'), 'oidc_token_refused');
    assert.equal((await portalPage.context.request.get(`${origin()}/api/auth/me`)).status(), 401);
    await assertAccessible(page, 'sign-in page after a refused work-account sign-in');
    provider.tamper('none');
    await portalPage.close();
  });
});
