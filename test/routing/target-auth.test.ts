/** Targets that authenticate the sender: bearer token (inline or from the environment), mutual TLS. */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TLSSocket } from 'node:tls';
import { after, describe, test } from 'node:test';
import { closeAgents, postMessage } from '../../server/routing/http-post.ts';
import type { XoevHttpTarget as Target } from '../../server/routing/targets.ts';

const leser = { kennung: 'psw:1', name: 'Amt' };
const authority = { authority: 'amt', authorityName: 'Amt' };

async function listen(server: ReturnType<typeof createHttpServer> | ReturnType<typeof createHttpsServer>) {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

/** A CA, a server certificate for 127.0.0.1 and a client certificate, made with openssl. */
async function certificates() {
  const dir = await mkdtemp(path.join(tmpdir(), 'antragswerk-tls-'));
  const f = (name: string) => path.join(dir, name);
  const openssl = (...args: string[]) => execFileSync('openssl', args, { stdio: 'pipe', timeout: 30_000 });
  openssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=Test CA', '-keyout', f('ca.key'), '-out', f('ca.pem'));
  for (const [name, subject, ext] of [
    ['server', '/CN=127.0.0.1', 'subjectAltName=IP:127.0.0.1'],
    ['client', '/CN=Antragsportal', 'extendedKeyUsage=clientAuth'],
  ] as const) {
    openssl('req', '-newkey', 'rsa:2048', '-nodes', '-subj', subject, '-keyout', f(`${name}.key`), '-out', f(`${name}.csr`));
    await writeFile(f(`${name}.ext`), `${ext}\n`);
    openssl('x509', '-req', '-in', f(`${name}.csr`), '-CA', f('ca.pem'), '-CAkey', f('ca.key'), '-CAcreateserial', '-days', '1', '-extfile', f(`${name}.ext`), '-out', f(`${name}.pem`));
  }
  return f;
}

describe('target authentication', () => {
  after(() => closeAgents());

  test('a bearer token, given inline or named by an environment variable, is sent', async () => {
    const seen: Array<string | undefined> = [];
    const server = createHttpServer((req: IncomingMessage, res: ServerResponse) => {
      seen.push(req.headers.authorization);
      res.writeHead(req.headers.authorization === 'Bearer geheim' ? 204 : 401).end();
    });
    const port = await listen(server);
    try {
      const base: Target = { type: 'xoev-http', url: `http://127.0.0.1:${port}/inbox`, leser, ...authority, timeoutMs: 2000 };
      const input = { body: '<x/>', contentType: 'application/xml', idempotencyKey: 'k', env: { TOKEN: 'geheim' } };
      const inline: Target = { ...base, auth: { bearerToken: 'geheim' } };
      const fromEnv: Target = { ...base, auth: { bearerToken: { env: 'TOKEN' } } };
      assert.deepEqual(await postMessage({ ...input, targetId: 'a', target: inline }), { kind: 'delivered' });
      assert.deepEqual(await postMessage({ ...input, targetId: 'b', target: fromEnv }), { kind: 'delivered' });
      const without = await postMessage({ ...input, targetId: 'c', target: base });
      assert.equal(without.kind, 'dead', 'a refusal for missing credentials is permanent');
      assert.deepEqual(seen, ['Bearer geheim', 'Bearer geheim', undefined]);
    } finally {
      server.close();
    }
  });

  test('a client certificate is presented to a receiver that requires one (mutual TLS)', async () => {
    const file = await certificates();
    const server = createHttpsServer(
      {
        key: await readFile(file('server.key')),
        cert: await readFile(file('server.pem')),
        ca: await readFile(file('ca.pem')),
        requestCert: true,
        rejectUnauthorized: true,
      },
      (req, res) => {
        const peer = (req.socket as TLSSocket).getPeerCertificate();
        res.writeHead(201, { 'content-type': 'text/plain' }).end(peer.subject?.CN ?? '');
      },
    );
    const port = await listen(server);
    try {
      const target: Target = {
        type: 'xoev-http',
        url: `https://127.0.0.1:${port}/inbox`,
        leser,
        ...authority,
        timeoutMs: 5000,
        auth: { clientCertificate: { certFile: file('client.pem'), keyFile: file('client.key'), caFile: file('ca.pem') } },
      };
      const input = { body: '<x/>', contentType: 'application/xml', idempotencyKey: 'k', env: {} };
      assert.deepEqual(await postMessage({ ...input, targetId: 'mtls', target }), { kind: 'delivered' });
      const { auth: _auth, ...anonymous } = target;
      const refused = await postMessage({ ...input, targetId: 'anonymous', target: anonymous });
      assert.equal(refused.kind, 'retry', 'without a certificate the handshake fails');
    } finally {
      server.close();
    }
  });
});
