import type { NestExpressApplication } from '@nestjs/platform-express';
import { NestFactory } from '@nestjs/core';
import helmet from 'helmet';
import { AuthService } from '#libs/accounts';
import { logger } from '#libs/core';
import type { Runtime } from '#libs/platform';
import { registryUploadMiddleware } from '#libs/registry';
import { AppModule } from './app.module.js';
import { requestIdMiddleware } from './request-id.middleware.js';
import { seedOnStart } from './seed-on-start.js';
import { serveWebApp } from './web-app.js';

/** Builds the API application (migrations run while it initialises) and loads its start-up data. */
export async function createApiApp(runtime: Runtime): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(runtime), {
    logger,
    bodyParser: false,
    abortOnError: false,
  });
  const { config } = runtime;
  // Behind a reverse proxy, TRUST_PROXY lets req.ip (and so the per-address rate limits) see the real client.
  app.set('trust proxy', config.TRUST_PROXY ?? false);
  app.use(requestIdMiddleware);
  app.use(
    helmet({
      // The API's own answers are JSON: no resource may load, nothing may frame them. The web app's
      // pages get their own strict CSP (web-app.ts). Outside production the GraphQL sandbox page
      // loads its scripts and frames from Apollo's CDN, so the API's answers carry no CSP there.
      contentSecurityPolicy: config.isProduction
        ? {
            useDefaults: false,
            directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"], baseUri: ["'none'"], formAction: ["'none'"] },
          }
        : false,
      crossOriginEmbedderPolicy: false,
    }),
  );
  // Bearer tokens; the browser's refresh cookie is same-origin only (README, "Sign-in in a browser"): no
  // credentials cross-origin, and only the listed origins may read answers.
  app.enableCors({
    origin: config.corsOrigins,
    methods: ['GET', 'POST'],
    allowedHeaders: ['authorization', 'content-type', 'apollo-require-preflight', 'x-apollo-operation-name', 'x-request-id'],
    exposedHeaders: ['x-request-id', 'retry-after'],
    credentials: false,
    maxAge: 600,
  });
  app.useBodyParser('json', { limit: config.BODY_LIMIT });
  // File uploads (the registry import) arrive as multipart requests, with their own size cap; only
  // ADMIN may send one, decided from the headers before the body is read.
  app.use('/graphql', registryUploadMiddleware(config.IMPORT_UPLOAD_LIMIT, app.get(AuthService)));
  // The web app at `/` (pages and their assets), beside /graphql on the same port.
  serveWebApp(app, config);
  // No enableShutdownHooks: main.ts owns SIGINT/SIGTERM (drain HTTP first, then app.close()).
  await app.init();
  await seedOnStart(app, config);
  return app;
}
