import type { EntityManager } from 'typeorm';
import type { PlatformRole } from './entities.js';

/**
 * Creates a user, or (same e-mail, any case) resets its password; answers its id. For accounts
 * made by the platform itself (demo accounts), in the caller's transaction.
 */
export async function upsertUser(
  manager: EntityManager,
  user: { email: string; passwordHash: string; displayName: string; role: PlatformRole },
): Promise<string> {
  const [row] = await manager.query<{ id: string }[]>(
    `INSERT INTO users (email, password_hash, display_name, platform_role) VALUES ($1, $2, $3, $4)
     ON CONFLICT (lower(email)) DO UPDATE SET password_hash = EXCLUDED.password_hash RETURNING id`,
    [user.email, user.passwordHash, user.displayName, user.role],
  );
  return row.id;
}
