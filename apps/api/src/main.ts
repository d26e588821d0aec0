import 'reflect-metadata';
import { ConfigError, loadConfig } from '#libs/config';
import { logger } from '#libs/core';
import { ReadinessState } from '#libs/health';
import { LocalInfraError, type Infrastructure } from '#libs/local-infra';
import { prepareRuntime } from '#libs/platform';
import { announceWebApp } from './announce-ready.js';
import { createApiApp } from './bootstrap.js';
import { HttpDrain } from './http-drain.js';

/**
 * `npm start`: validates the configuration, starts embedded PostgreSQL/Meilisearch for whatever is
 * not configured, migrates, seeds, and serves GraphQL. SIGINT/SIGTERM: stop accepting connections
 * and let every request already sent finish (HttpDrain), then close the application (the
 * in-process search worker finishes its batch, then the database pool closes), then the embedded
 * servers; nothing is left running. This is the only place that handles those signals.
 */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  logger.setLevel(config.LOG_LEVEL);

  let infra: Infrastructure | undefined;
  let closing = false;
  let app: Awaited<ReturnType<typeof createApiApp>> | undefined;
  let drain: HttpDrain | undefined;
  const shutdown = async (signal: string, code = 0) => {
    if (closing) return;
    closing = true;
    logger.emit('info', 'shutting down', { signal }, 'Main');
    const force = setTimeout(() => process.exit(code || 1), 20000);
    force.unref();
    app?.get(ReadinessState, { strict: false }).markDraining();
    if (drain) {
      const drained = await drain.drain({ timeoutMs: 10000 });
      logger.emit(
        drained.graceful ? 'info' : 'warn',
        drained.graceful ? 'requests drained' : 'requests cut after the drain timeout',
        { ...drained },
        'Main',
      );
    }
    await app?.close().catch((error: unknown) => logger.emit('error', 'closing the API failed', { error }, 'Main'));
    await infra?.stop();
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  try {
    const prepared = await prepareRuntime(config);
    infra = prepared.infra;
    if (closing) return;
    app = await createApiApp(prepared.runtime);
    drain = new HttpDrain(app.getHttpServer());
    await app.listen(config.PORT, config.HOST);
    logger.emit('info', `GraphQL API ready at http://localhost:${config.PORT}/graphql`, { port: config.PORT }, 'Main');
    await announceWebApp(app, config, () => closing);
  } catch (error) {
    if (error instanceof LocalInfraError) process.stderr.write(`${error.message}\n`);
    else if ((error as NodeJS.ErrnoException)?.code === 'EADDRINUSE') {
      process.stderr.write(`Port ${config.PORT} is already in use: set PORT to a free port.\n`);
    } else logger.emit('error', 'start-up failed', { error }, 'Main');
    await shutdown('startup-failure', 1);
  }
}

void main();
