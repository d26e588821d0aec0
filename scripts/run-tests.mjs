#!/usr/bin/env node
// `npm test` (after typecheck and build): starts a throw-away embedded PostgreSQL and Meilisearch
// with the same launcher as `npm start`, runs jest against them, and stops them whatever happens.
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findFreePort, startInfrastructure } from '../dist/libs/local-infra/src/index.js';

const dataDir = mkdtempSync(join(tmpdir(), 'hp-test-'));
chmodSync(dataDir, 0o755); // the embedded PostgreSQL runs as an unprivileged user when we are root
let infra;
let exitCode = 1;
try {
  const started = Date.now();
  infra = await startInfrastructure({
    databaseUrl: process.env.TEST_DATABASE_URL,
    meiliUrl: process.env.TEST_MEILI_URL,
    meiliMasterKey: process.env.TEST_MEILI_MASTER_KEY,
    dataDir,
    pgPort: await findFreePort(),
    meiliPort: await findFreePort(),
    database: 'postgres',
  });
  process.stdout.write(
    `test infrastructure ready in ${Date.now() - started} ms (PostgreSQL ${infra.embedded.postgres ? 'embedded' : 'external'}, Meilisearch ${infra.embedded.meilisearch ? 'embedded' : 'external'})\n`,
  );
  const jest = spawn(process.execPath, ['--experimental-vm-modules', 'node_modules/jest/bin/jest.js', ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: {
      ...process.env,
      NODE_NO_WARNINGS: '1',
      TEST_DATABASE_URL: infra.databaseUrl,
      TEST_MEILI_URL: infra.meiliUrl,
      TEST_MEILI_MASTER_KEY: infra.meiliMasterKey ?? '',
    },
  });
  const stop = () => jest.kill('SIGTERM');
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  exitCode = await new Promise((resolve) => jest.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0))));
} catch (error) {
  process.stderr.write(`${error?.message ?? error}\n`);
} finally {
  await infra?.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
process.exit(exitCode);
