import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Assisted onboarding (issue 14, item 3): the STAFF role (the centre's field staff), how a
 * staff-entered profile's data was obtained and the SME's consent to publish it, whether the SME
 * maintains it itself, the supplier audit log and the one-time claim codes. All owned by
 * libs/companies except the role, which is a value of `users.platform_role` (libs/accounts).
 *
 * Existing suppliers were entered by their own members (or imported by ADMIN): they stay published
 * and self-maintained.
 */
export class AssistedOnboarding1764800000000 implements MigrationInterface {
  name = 'AssistedOnboarding1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users DROP CONSTRAINT users_platform_role_check`);
    await q.query(
      `ALTER TABLE users ADD CONSTRAINT users_platform_role_check CHECK (platform_role IN ('ADMIN', 'STAFF', 'ANALYST', 'MEMBER'))`,
    );
    await q.query(`
      ALTER TABLE suppliers
        ADD COLUMN data_source text CHECK (data_source IN ('VISIT', 'PHONE', 'REGISTRY_FILE', 'SME_SUBMISSION')),
        ADD COLUMN maintained_by text NOT NULL DEFAULT 'SELF' CHECK (maintained_by IN ('SELF', 'CENTRE')),
        ADD COLUMN published boolean NOT NULL DEFAULT true,
        ADD COLUMN consent_recorded_by uuid,
        ADD COLUMN consent_recorded_at timestamptz,
        ADD COLUMN claimed_by uuid,
        ADD COLUMN claimed_at timestamptz`);
    // the directory's page skips unpublished profiles for everyone but the centre
    await q.query(`CREATE INDEX suppliers_unpublished ON suppliers (id) WHERE NOT published`);
    await q.query(`
      CREATE TABLE supplier_audit_log (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        supplier_id uuid NOT NULL,
        actor_user_id uuid,
        actor_role text NOT NULL CHECK (actor_role IN ('MEMBER', 'STAFF', 'ADMIN', 'PLATFORM')),
        action text NOT NULL,
        changes jsonb NOT NULL DEFAULT '[]'::jsonb,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    // clock_timestamp(): the entries of one transaction keep their order. No foreign key to suppliers: the entry of a deletion outlives the profile
    await q.query(`CREATE INDEX supplier_audit_log_supplier ON supplier_audit_log (supplier_id, created_at DESC, id DESC)`);
    await q.query(`
      CREATE TABLE supplier_claim_codes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        supplier_id uuid NOT NULL REFERENCES suppliers (id) ON DELETE CASCADE,
        code_hash text NOT NULL UNIQUE,
        issued_by uuid NOT NULL,
        issued_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_by uuid,
        used_at timestamptz,
        revoked_at timestamptz
      )`);
    // at most one live code per supplier: issuing a new one revokes the old in the same transaction
    await q.query(
      `CREATE UNIQUE INDEX supplier_claim_codes_live ON supplier_claim_codes (supplier_id) WHERE used_at IS NULL AND revoked_at IS NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE supplier_claim_codes`);
    await q.query(`DROP TABLE supplier_audit_log`);
    await q.query(`DROP INDEX suppliers_unpublished`);
    await q.query(`
      ALTER TABLE suppliers DROP COLUMN data_source, DROP COLUMN maintained_by, DROP COLUMN published,
        DROP COLUMN consent_recorded_by, DROP COLUMN consent_recorded_at, DROP COLUMN claimed_by, DROP COLUMN claimed_at`);
    await q.query(`UPDATE users SET platform_role = 'MEMBER' WHERE platform_role = 'STAFF'`);
    await q.query(`ALTER TABLE users DROP CONSTRAINT users_platform_role_check`);
    await q.query(`ALTER TABLE users ADD CONSTRAINT users_platform_role_check CHECK (platform_role IN ('ADMIN', 'ANALYST', 'MEMBER'))`);
  }
}
