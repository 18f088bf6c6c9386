/**
 * A real OpenID provider (npm `oidc-provider`) for tests, signing in whichever account the test
 * names next, without a login form. It sits behind a small pass-through proxy that can tamper
 * with the ID token the token endpoint returns — re-signed with the provider's own key, as a
 * compromised or misconfigured provider would — so the relying party's checks can be shown to
 * refuse it.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { decodeJwt, exportJWK, generateKeyPair, SignJWT } from 'jose';
import Provider from 'oidc-provider';

export interface ProviderAccount {
  sub: string;
  email: string;
  name: string;
  roles: string[];
}

export type Tampering = 'none' | 'wrong-audience' | 'expired';

export interface TestProvider {
  issuer: string;
  /** The account the next sign-in at the provider authenticates. */
  signInAs(account: ProviderAccount): void;
  tamper(mode: Tampering): void;
  close(): Promise<void>;
}

async function listen(server: http.Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

const body = (req: http.IncomingMessage) =>
  new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c)).on('end', () => resolve(Buffer.concat(chunks))).on('error', reject);
  });

export async function startTestProvider(client: { clientId: string; clientSecret: string; redirectUri: string }): Promise<TestProvider> {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = { ...(await exportJWK(privateKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
  let next: ProviderAccount | undefined;
  let tampering: Tampering = 'none';
  const accounts = new Map<string, ProviderAccount>();

  const front = http.createServer();
  const frontPort = await listen(front);
  const issuer = `http://127.0.0.1:${frontPort}`;

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: client.clientId,
        client_secret: client.clientSecret,
        redirect_uris: [client.redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    jwks: { keys: [jwk] },
    claims: { openid: ['sub'], email: ['email'], profile: ['name', 'roles'] },
    conformIdTokenClaims: false,
    findAccount: (_ctx, id) => {
      const account = accounts.get(id);
      return account && { accountId: id, claims: () => ({ sub: id, email: account.email, name: account.name, roles: account.roles }) };
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    features: { devInteractions: { enabled: false } },
    cookies: { keys: ['a-test-only-cookie-key'] },
  });

  // Logins and consent are given at once, for the account the test named.
  const interactions = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    const details = await provider.interactionDetails(req, res);
    if (details.prompt.name === 'login') {
      if (!next) throw new Error('the test named no account to sign in');
      accounts.set(next.sub, next);
      await provider.interactionFinished(req, res, { login: { accountId: next.sub } }, { mergeWithLastSubmission: false });
      return;
    }
    const grant = new provider.Grant({ accountId: details.session!.accountId, clientId: String(details.params.client_id) });
    grant.addOIDCScope(String(details.params.scope));
    await provider.interactionFinished(req, res, { consent: { grantId: await grant.save() } }, { mergeWithLastSubmission: true });
  };

  const back = http.createServer((req, res) => {
    if (req.url?.startsWith('/interaction/')) interactions(req, res).catch((error: Error) => res.writeHead(500).end(error.message));
    else provider.callback()(req, res);
  });
  const backPort = await listen(back);

  const tamperedTokenResponse = async (raw: Buffer): Promise<Buffer> => {
    const answer = JSON.parse(raw.toString('utf8')) as { id_token?: string };
    if (!answer.id_token || tampering === 'none') return raw;
    const claims = decodeJwt(answer.id_token);
    const now = Math.floor(Date.now() / 1000);
    const changed = tampering === 'wrong-audience' ? { ...claims, aud: 'another-client' } : { ...claims, iat: now - 7200, exp: now - 3600 };
    answer.id_token = await new SignJWT(changed).setProtectedHeader({ alg: 'RS256', kid: 'test-key', typ: 'JWT' }).sign(privateKey);
    return Buffer.from(JSON.stringify(answer));
  };

  front.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    void body(req).then((payload) => {
      const upstream = http.request(
        { host: '127.0.0.1', port: backPort, method: req.method, path: req.url, headers: req.headers },
        async (answer) => {
          let content = await body(answer);
          if (req.url?.startsWith('/token') && answer.statusCode === 200) content = await tamperedTokenResponse(content);
          const headers = { ...answer.headers, 'content-length': String(content.length) };
          res.writeHead(answer.statusCode ?? 502, headers).end(content);
        },
      );
      upstream.on('error', () => res.writeHead(502).end());
      upstream.end(payload);
    });
  });

  return {
    issuer,
    signInAs: (account) => {
      next = account;
    },
    tamper: (mode) => {
      tampering = mode;
    },
    close: async () => {
      front.closeAllConnections();
      back.closeAllConnections();
      await Promise.all([new Promise((r) => front.close(r)), new Promise((r) => back.close(r))]);
    },
  };
}
