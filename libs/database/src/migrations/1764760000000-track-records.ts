import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Track records (owned by libs/track-records): the deliveries a buyer records against an awarded
 * need, the supplier's opt-in to publish its scorecard, and a buyer's consent to be named in the
 * published scorecards of its suppliers.
 *
 * A delivery keeps the need's buyer and awarded supplier (an AWARDED need never changes either), the
 * defects as a count in the delivered unit (what a ppm figure is computed from: ppm given by the
 * buyer is turned into a count, so every aggregate weighs each delivery by its quantity), a version
 * for corrections, and who recorded, last changed and removed it. A removal is a mark, not a DELETE,
 * so a correction leaves its trace.
 */
export class TrackRecords1764760000000 implements MigrationInterface {
  name = 'TrackRecords1764760000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE deliveries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        need_id uuid NOT NULL REFERENCES sourcing_needs (id) ON DELETE CASCADE,
        buyer_id uuid NOT NULL REFERENCES buyers (id) ON DELETE CASCADE,
        supplier_id uuid NOT NULL REFERENCES suppliers (id) ON DELETE CASCADE,
        promised_on date NOT NULL,
        delivered_on date NOT NULL,
        quantity numeric NOT NULL CHECK (quantity > 0),
        unit text NOT NULL,
        defective_quantity numeric NOT NULL DEFAULT 0 CHECK (defective_quantity >= 0 AND defective_quantity <= quantity),
        version integer NOT NULL DEFAULT 1,
        recorded_by uuid REFERENCES users (id) ON DELETE SET NULL,
        updated_by uuid REFERENCES users (id) ON DELETE SET NULL,
        removed_by uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        removed_at timestamptz
      )`,
    );
    await q.query(`CREATE INDEX deliveries_supplier ON deliveries (supplier_id) WHERE removed_at IS NULL`);
    await q.query(`CREATE INDEX deliveries_need ON deliveries (need_id, delivered_on)`);
    await q.query(
      `CREATE TABLE track_record_publications (
        supplier_id uuid PRIMARY KEY REFERENCES suppliers (id) ON DELETE CASCADE,
        published boolean NOT NULL,
        changed_by uuid REFERENCES users (id) ON DELETE SET NULL,
        changed_at timestamptz NOT NULL DEFAULT now()
      )`,
    );
    await q.query(
      `CREATE TABLE track_record_buyer_consents (
        buyer_id uuid PRIMARY KEY REFERENCES buyers (id) ON DELETE CASCADE,
        named boolean NOT NULL,
        changed_by uuid REFERENCES users (id) ON DELETE SET NULL,
        changed_at timestamptz NOT NULL DEFAULT now()
      )`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE track_record_buyer_consents`);
    await q.query(`DROP TABLE track_record_publications`);
    await q.query(`DROP TABLE deliveries`);
  }
}
