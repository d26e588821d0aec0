import type { NestExpressApplication } from '@nestjs/platform-express';
import { NestFactory } from '@nestjs/core';
import helmet from 'helmet';
import { logger } from '#libs/core';
import { AppModule } from './app.module.js';
import { requestIdMiddleware } from './request-id.middleware.js';
import type { Runtime } from './runtime.js';
import { seedOnStart } from './seed-on-start.js';

/** Builds the API application (migrations run while it initialises) and loads its start-up data. */
export async function createApiApp(runtime: Runtime): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(runtime), {
    logger,
    bodyParser: false,
    abortOnError: false,
  });
  app.use(requestIdMiddleware);
  app.use(
    helmet({
      // The local GraphQL sandbox loads its scripts from Apollo's CDN; production serves no page.
      contentSecurityPolicy: runtime.config.isProduction ? undefined : false,
      crossOriginEmbedderPolicy: false,
    }),
  );
  app.useBodyParser('json', { limit: runtime.config.BODY_LIMIT });
  // No enableShutdownHooks: main.ts owns SIGINT/SIGTERM (drain HTTP first, then app.close()).
  await app.init();
  await seedOnStart(app, runtime.config);
  return app;
}
