import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';

/**
 * The client addresses each user signed in from successfully (the `perUser` most recent, each
 * forgotten `ttlMs` after its last sign-in), in the `login_known_addresses` table owned by this lib,
 * so that every API instance knows them. Addresses are stored as SHA-256 digests, not in clear.
 */
export class KnownAddresses {
  constructor(
    private readonly dataSource: DataSource,
    private readonly ttlMs: number,
    private readonly perUser = 20,
  ) {}

  async remember(userId: string, address: string): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO login_known_addresses (user_id, address_hash, expires_at) VALUES ($1, $2, now() + $3 * interval '1 millisecond')
       ON CONFLICT (user_id, address_hash) DO UPDATE SET expires_at = EXCLUDED.expires_at`,
      [userId, addressHash(address), this.ttlMs],
    );
    await this.dataSource.query(
      `DELETE FROM login_known_addresses WHERE user_id = $1
         AND (expires_at <= now() OR address_hash NOT IN (SELECT address_hash FROM login_known_addresses WHERE user_id = $1 ORDER BY expires_at DESC LIMIT $2))`,
      [userId, this.perUser],
    );
  }

  async has(userId: string, address: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM login_known_addresses WHERE user_id = $1 AND address_hash = $2 AND expires_at > now()`,
      [userId, addressHash(address)],
    );
    return rows.length > 0;
  }
}

function addressHash(address: string): string {
  return createHash('sha256').update(address).digest('base64url');
}
