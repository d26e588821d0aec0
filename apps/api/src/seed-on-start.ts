import { randomBytes } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuthService } from '#libs/accounts';
import { SupplySnapshotService } from '#libs/analytics';
import type { AppConfig } from '#libs/config';
import { logger } from '#libs/core';
import { withSessionLock } from '#libs/database';
import { DemoDataService } from '#libs/demo-data';

/**
 * First start: creates the administrator (printing a generated password once when ADMIN_PASSWORD
 * is unset) and loads the demo data. Both are idempotent, and run by one instance at a time (two API
 * replicas starting together would otherwise both find no administrator and both create one).
 */
export function seedOnStart(app: INestApplication, config: AppConfig): Promise<void> {
  return withSessionLock(app.get(DataSource), 'hp:seed', () => seed(app, config));
}

async function seed(app: INestApplication, config: AppConfig): Promise<void> {
  const auth = app.get(AuthService);
  const generated = config.ADMIN_PASSWORD ? undefined : randomBytes(12).toString('base64url');
  const created = await auth.ensureAdmin(config.ADMIN_EMAIL, config.ADMIN_PASSWORD ?? generated!);
  if (created && generated) {
    // Printed once, on purpose outside the JSON log stream, and never logged.
    process.stdout.write(
      `\n  Administrator ${config.ADMIN_EMAIL} created with password: ${generated}\n  (shown once; set ADMIN_PASSWORD to choose it)\n\n`,
    );
  }
  if (config.SEED_DEMO_DATA) {
    const { claim, ...report } = await app.get(DemoDataService).load();
    logger.emit('info', 'demo data ready', { ...report }, 'Seed');
    if (claim) {
      // logged once, when the profile is created: sign in as any user and claim it with `claimSupplier(code)`
      logger.emit('info', 'demo claim code', { ...claim, expiresAt: claim.expiresAt.toISOString() }, 'Seed');
    }
    // so the demo's supply-gap analytics have figures from the first minute
    await app.get(SupplySnapshotService).refresh();
    if (report.accountsPassword) {
      process.stdout.write(
        `  Demo accounts (${report.accounts.join(', ')}) created with password: ${report.accountsPassword}\n  (shown once)\n\n`,
      );
    }
  }
}
