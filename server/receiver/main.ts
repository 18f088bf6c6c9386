/** `npm run receiver`: the demo receiver alone. RECEIVER_PORT (4010), PORTAL_URL (http://127.0.0.1:3000). */
import { createLogger } from '../log.ts';
import { startReceiver } from './receiver.ts';

const port = Number(process.env.RECEIVER_PORT ?? 4010);
const portalUrl = process.env.PORTAL_URL ?? 'http://127.0.0.1:3000';
const logger = createLogger(process.env.LOG_LEVEL ?? 'info');
const receiver = await startReceiver({ port, portalUrl, logger });
logger.info({ url: `${receiver.url}/inbox`, portalUrl }, 'demo receiver listening');
