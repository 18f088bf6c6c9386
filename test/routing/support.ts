import { readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from '../../server/db/database.ts';
import { startReceiver } from '../../server/receiver/receiver.ts';
import { createWorker } from '../../server/routing/worker.ts';
import { xoevHttpChannel } from '../../server/xoev/channel.ts';
import { printChannel } from '../../server/print/channel.ts';
import { silentLogger, testApp } from '../support/app.ts';
import { formsDir } from '../support/forms-dir.ts';

const read = (path: string) => JSON.parse(readFileSync(fileURLToPath(new URL(path, import.meta.url)), 'utf8'));

/** The sample Hundesteuer-Anmeldung, routed to `targetId`, in a forms directory of its own. */
export function sampleFormWithRoute(targetId: string): Promise<string> {
  const definition = read('../../forms/hundesteuer-anmeldung.json');
  definition.routes = [{ to: targetId }];
  return formsDir({ 'hundesteuer-anmeldung.json': definition });
}

/** A valid Hundesteuer-Anmeldung. */
export function valid(): Record<string, unknown> {
  return read('../fixtures/submissions/hundesteuer-anmeldung.valid.json')[0];
}

/**
 * The demo receiver and a listening portal that serves it the XSDs, wired to each other:
 * `targets(receiverUrl)` gives the provisioning file's content. Close with `close()`.
 */
export async function deliveryHarness(
  db: Database,
  options: { formsDir?: string; targets: (receiverInbox: string) => unknown; env?: Record<string, string> },
) {
  const receiver = await startReceiver({ port: 0, portalUrl: '' });
  const targetsFile = path.join(await mkdtemp(path.join(tmpdir(), 'antragswerk-targets-')), 'provisioning.json');
  await writeFile(targetsFile, JSON.stringify(options.targets(`${receiver.url}/inbox`)));
  const app = await testApp(db, {
    ...(options.formsDir ? { formsDir: options.formsDir } : {}),
    env: { PROVISIONING_FILE: targetsFile, ...options.env },
  });
  const portal = app.app.listen(0, '127.0.0.1');
  await new Promise((resolve) => portal.once('listening', resolve));
  receiver.setPortalUrl(`http://127.0.0.1:${(portal.address() as AddressInfo).port}`);
  return {
    receiver,
    app,
    targetsFile,
    /** An in-process worker with the real XÖV and print channels. */
    worker: (maxAttempts: number) =>
      createWorker({
        db,
        routing: app.routing,
        channels: { 'xoev-http': xoevHttpChannel({}), print: printChannel(db, app.templates) },
        logger: silentLogger,
        options: { maxAttempts, retryBaseMs: 1, leaseSeconds: 30 },
      }),
    async close() {
      await receiver.close();
      await new Promise((resolve) => portal.close(resolve));
    },
  };
}

/** An authority of the provisioning file, with a kennung: it can read XÖV messages. */
export function testAuthority(kennung: string, name: string) {
  return { name, kennung, address: { strasse: 'Rathausplatz', hausnummer: '1', postleitzahl: '12345', ort: 'Musterstadt' } };
}

/** A provisioning file with one xoev-http target for the authority "steueramt". */
export function oneTarget(id: string, url: string, timeoutMs?: number) {
  return {
    sender: { kennung: 'psw:06412000', name: 'Antragsportal Musterstadt' },
    authorities: { steueramt: testAuthority('psw:01003120', 'Steueramt') },
    targets: { [id]: { type: 'xoev-http', authority: 'steueramt', url, ...(timeoutMs ? { timeoutMs } : {}) } },
  };
}
