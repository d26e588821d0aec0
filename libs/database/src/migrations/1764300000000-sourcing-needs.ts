import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Buyers' sourcing needs, the introductions between needs and suppliers, and their history. */
export class SourcingNeeds1764300000000 implements MigrationInterface {
  name = 'SourcingNeeds1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE sourcing_needs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        buyer_id uuid NOT NULL REFERENCES buyers (id) ON DELETE CASCADE,
        title text NOT NULL,
        description text,
        product_group text,
        processes text[] NOT NULL DEFAULT '{}',
        materials text[] NOT NULL DEFAULT '{}',
        certifications text[] NOT NULL DEFAULT '{}',
        quantity_value numeric CHECK (quantity_value >= 0),
        quantity_unit text,
        price_min numeric CHECK (price_min >= 0),
        price_max numeric CHECK (price_max >= 0),
        price_currency text,
        tolerance_mm numeric CHECK (tolerance_mm > 0),
        max_lead_time_days integer CHECK (max_lead_time_days >= 0),
        delivery_plant text,
        delivery_latitude double precision,
        delivery_longitude double precision,
        max_distance_km numeric CHECK (max_distance_km > 0),
        needed_by date,
        status text NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'OPEN', 'CLOSED', 'AWARDED')),
        visibility text NOT NULL DEFAULT 'PUBLIC' CHECK (visibility IN ('PUBLIC', 'ANONYMOUS', 'PRIVATE')),
        awarded_supplier_id uuid REFERENCES suppliers (id) ON DELETE SET NULL,
        created_by uuid REFERENCES users (id) ON DELETE SET NULL,
        version integer NOT NULL DEFAULT 1,
        published_at timestamptz,
        closed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (price_min IS NULL OR price_max IS NULL OR price_max >= price_min),
        CHECK ((delivery_latitude IS NULL) = (delivery_longitude IS NULL))
      )`);
    await q.query(`CREATE INDEX sourcing_needs_buyer_idx ON sourcing_needs (buyer_id, created_at DESC)`);
    await q.query(`CREATE INDEX sourcing_needs_open_idx ON sourcing_needs (status, visibility, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX sourcing_needs_processes_idx ON sourcing_needs USING gin (processes)`);

    await q.query(`
      CREATE TABLE introductions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        need_id uuid NOT NULL REFERENCES sourcing_needs (id) ON DELETE CASCADE,
        supplier_id uuid NOT NULL REFERENCES suppliers (id) ON DELETE CASCADE,
        status text NOT NULL CHECK (status IN ('SHORTLISTED', 'INVITED', 'ACCEPTED', 'DECLINED')),
        message text,
        buyer_revealed boolean NOT NULL DEFAULT false,
        decline_reason text CHECK (decline_reason IN ('CAPACITY', 'CERTIFICATION', 'PRICE', 'TIMING', 'NOT_OUR_PROCESS', 'OTHER')),
        decline_text text,
        invited_at timestamptz,
        responded_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (need_id, supplier_id)
      )`);
    await q.query(`CREATE INDEX introductions_supplier_idx ON introductions (supplier_id, status)`);

    // Who did what, when: every state change of a need or an introduction.
    await q.query(`
      CREATE TABLE sourcing_events (
        id bigserial PRIMARY KEY,
        need_id uuid NOT NULL REFERENCES sourcing_needs (id) ON DELETE CASCADE,
        introduction_id uuid REFERENCES introductions (id) ON DELETE CASCADE,
        actor_id uuid REFERENCES users (id) ON DELETE SET NULL,
        action text NOT NULL,
        details jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX sourcing_events_need_idx ON sourcing_events (need_id, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE IF EXISTS sourcing_events');
    await q.query('DROP TABLE IF EXISTS introductions');
    await q.query('DROP TABLE IF EXISTS sourcing_needs');
  }
}
