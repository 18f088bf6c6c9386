/** Entry point of `npm start`: configuration, start-up, ordered shutdown. */
import { configOrExit } from './config.ts';
import { createLogger } from './log.ts';
import { isSetupError } from './setup.ts';
import { start } from './start.ts';

const config = configOrExit(process.env);

const logger = createLogger(config.logLevel);

try {
  const running = await start(config, logger);
  logger.info({ url: running.url }, 'Antragswerk is listening');
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    running.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
} catch (error) {
  if (isSetupError(error)) console.error(error.message);
  else logger.fatal({ err: error }, 'start-up failed');
  process.exit(1);
}
