import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Analytics: when each supplier was first verified, the per-need supply snapshot that supply-gap
 * queries read (computed by the worker with the matching engine's hard requirements), its daily
 * history per sector for localisation over time, the coverage computed with it, and the indexes
 * the analytics SQL needs.
 */
export class Analytics1764400000000 implements MigrationInterface {
  name = 'Analytics1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE suppliers ADD COLUMN verified_at timestamptz`);
    // Best knowledge for suppliers verified before this column existed: their registration time.
    await q.query(`UPDATE suppliers SET verified_at = created_at WHERE verification_status = 'VERIFIED'`);
    await q.query(`
      CREATE FUNCTION suppliers_first_verified() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.verification_status = 'VERIFIED' AND NEW.verified_at IS NULL THEN
          NEW.verified_at := now();
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(
      `CREATE TRIGGER suppliers_first_verified BEFORE INSERT OR UPDATE OF verification_status ON suppliers FOR EACH ROW EXECUTE FUNCTION suppliers_first_verified()`,
    );
    // growth per month and zone reads these two without touching the (wide) supplier rows
    await q.query(`CREATE INDEX suppliers_created_zone_idx ON suppliers (created_at) INCLUDE (zone_code)`);
    await q.query(`CREATE INDEX suppliers_verified_zone_idx ON suppliers (verified_at) INCLUDE (zone_code) WHERE verified_at IS NOT NULL`);
    // certificate expiry: the window by date, and "is there a renewal?" per supplier and code
    await q.query(
      `CREATE INDEX supplier_certifications_valid_until_idx ON supplier_certifications (valid_until) WHERE valid_until IS NOT NULL`,
    );
    await q.query(`CREATE INDEX supplier_certifications_renewal_idx ON supplier_certifications (supplier_id, code, valid_until)`);
    await q.query(`CREATE INDEX sourcing_needs_published_idx ON sourcing_needs (published_at) WHERE published_at IS NOT NULL`);
    await q.query(`CREATE INDEX sourcing_needs_closed_idx ON sourcing_needs (closed_at) WHERE closed_at IS NOT NULL`);
    await q.query(`
      CREATE TABLE need_supply (
        need_id uuid PRIMARY KEY REFERENCES sourcing_needs (id) ON DELETE CASCADE,
        qualified_suppliers integer NOT NULL,
        requirement_processes text[] NOT NULL,
        requirement_certifications text[] NOT NULL,
        requirement_suppliers integer NOT NULL,
        bottleneck_kind text,
        bottleneck_code text,
        bottleneck_suppliers integer,
        computed_on date NOT NULL,
        computed_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX need_supply_qualified_idx ON need_supply (qualified_suppliers)`);
    // per day and buyer sector: how many open needs had how many qualified suppliers (100 = 100 or more)
    await q.query(`
      CREATE TABLE need_supply_history (
        day date NOT NULL,
        sector text NOT NULL,
        qualified_suppliers integer NOT NULL CHECK (qualified_suppliers BETWEEN 0 AND 100),
        needs integer NOT NULL,
        PRIMARY KEY (day, sector, qualified_suppliers)
      )`);
    // verified suppliers per taxonomy value, recomputed with the snapshot (coverage reads it)
    await q.query(`
      CREATE TABLE supply_coverage (
        dimension text NOT NULL,
        code text NOT NULL,
        unit text NOT NULL,
        suppliers integer NOT NULL,
        certified integer NOT NULL,
        capacity double precision,
        computed_on date NOT NULL,
        computed_at timestamptz NOT NULL,
        PRIMARY KEY (dimension, code, unit)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE supply_coverage`);
    await q.query(`DROP TABLE need_supply_history`);
    await q.query(`DROP TABLE need_supply`);
    await q.query(`DROP INDEX sourcing_needs_closed_idx`);
    await q.query(`DROP INDEX sourcing_needs_published_idx`);
    await q.query(`DROP INDEX supplier_certifications_renewal_idx`);
    await q.query(`DROP INDEX supplier_certifications_valid_until_idx`);
    await q.query(`DROP INDEX suppliers_verified_zone_idx`);
    await q.query(`DROP INDEX suppliers_created_zone_idx`);
    await q.query(`DROP TRIGGER suppliers_first_verified ON suppliers`);
    await q.query(`DROP FUNCTION suppliers_first_verified()`);
    await q.query(`ALTER TABLE suppliers DROP COLUMN verified_at`);
  }
}
