import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accounts, company profiles and the search outbox. Taxonomy codes are stored as text (arrays for
 * multi-valued fields, GIN-indexed for filters); the application validates them against the
 * versioned taxonomy files, so a taxonomy release needs no schema change.
 */
export class InitialSchema1764100000000 implements MigrationInterface {
  name = 'InitialSchema1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL,
        password_hash text NOT NULL,
        display_name text NOT NULL,
        platform_role text NOT NULL DEFAULT 'MEMBER' CHECK (platform_role IN ('ADMIN', 'ANALYST', 'MEMBER')),
        preferred_language text NOT NULL DEFAULT 'vi' CHECK (preferred_language IN ('vi', 'en', 'ja', 'ko')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX users_email_key ON users (lower(email))`);

    await q.query(`
      CREATE TABLE refresh_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        family_id uuid NOT NULL,
        token_hash text NOT NULL UNIQUE,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        revoked_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id)`);

    await q.query(`
      CREATE TABLE suppliers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tax_code text NOT NULL UNIQUE,
        name_vi text NOT NULL,
        trade_name_en text,
        description_vi text,
        description_en text,
        street text,
        ward text,
        province text NOT NULL DEFAULT 'Hải Phòng',
        old_district text,
        zone_code text,
        latitude double precision,
        longitude double precision,
        website text,
        contact_name text,
        contact_phone text,
        contact_email text,
        employees integer CHECK (employees >= 0),
        founded_year integer,
        ownership_type text NOT NULL DEFAULT 'DOMESTIC' CHECK (ownership_type IN ('DOMESTIC', 'FDI', 'JOINT_VENTURE')),
        ownership_country text,
        sectors text[] NOT NULL DEFAULT '{}',
        processes text[] NOT NULL DEFAULT '{}',
        materials text[] NOT NULL DEFAULT '{}',
        product_groups text[] NOT NULL DEFAULT '{}',
        monthly_capacity_value numeric CHECK (monthly_capacity_value >= 0),
        monthly_capacity_unit text,
        minimum_order_quantity integer CHECK (minimum_order_quantity >= 0),
        lead_time_days integer CHECK (lead_time_days >= 0),
        best_tolerance_mm numeric CHECK (best_tolerance_mm > 0),
        export_experience boolean NOT NULL DEFAULT false,
        export_markets text[] NOT NULL DEFAULT '{}',
        languages text[] NOT NULL DEFAULT '{}',
        verification_status text NOT NULL DEFAULT 'UNVERIFIED' CHECK (verification_status IN ('UNVERIFIED', 'VERIFIED', 'SUSPENDED')),
        created_by uuid REFERENCES users (id) ON DELETE SET NULL,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((latitude IS NULL) = (longitude IS NULL))
      )`);
    await q.query(`CREATE INDEX suppliers_created_idx ON suppliers (created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX suppliers_zone_idx ON suppliers (zone_code)`);
    await q.query(`CREATE INDEX suppliers_status_idx ON suppliers (verification_status)`);
    await q.query(`CREATE INDEX suppliers_processes_idx ON suppliers USING gin (processes)`);
    await q.query(`CREATE INDEX suppliers_sectors_idx ON suppliers USING gin (sectors)`);

    await q.query(`
      CREATE TABLE supplier_certifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        supplier_id uuid NOT NULL REFERENCES suppliers (id) ON DELETE CASCADE,
        position integer NOT NULL,
        code text NOT NULL,
        certificate_number text,
        issuing_body text,
        scope text,
        valid_from date,
        valid_until date,
        CHECK (valid_until IS NULL OR valid_from IS NULL OR valid_until >= valid_from)
      )`);
    await q.query(`CREATE INDEX supplier_certifications_supplier_idx ON supplier_certifications (supplier_id)`);
    await q.query(`CREATE INDEX supplier_certifications_code_idx ON supplier_certifications (code, valid_until)`);

    await q.query(`
      CREATE TABLE supplier_equipment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        supplier_id uuid NOT NULL REFERENCES suppliers (id) ON DELETE CASCADE,
        position integer NOT NULL,
        kind text NOT NULL,
        maker text,
        model text,
        count integer NOT NULL DEFAULT 1 CHECK (count >= 1),
        press_tonnage numeric,
        clamp_force_tonnes numeric,
        axes integer,
        bed_size text,
        notes text
      )`);
    await q.query(`CREATE INDEX supplier_equipment_supplier_idx ON supplier_equipment (supplier_id)`);

    await q.query(`
      CREATE TABLE supplier_customers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        supplier_id uuid NOT NULL REFERENCES suppliers (id) ON DELETE CASCADE,
        position integer NOT NULL,
        name text NOT NULL,
        is_public boolean NOT NULL DEFAULT false
      )`);
    await q.query(`CREATE INDEX supplier_customers_supplier_idx ON supplier_customers (supplier_id)`);

    await q.query(`
      CREATE TABLE buyers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tax_code text NOT NULL UNIQUE,
        name text NOT NULL,
        name_vi text,
        country_of_origin text NOT NULL,
        description text,
        website text,
        contact_name text,
        contact_phone text,
        contact_email text,
        sectors text[] NOT NULL DEFAULT '{}',
        languages text[] NOT NULL DEFAULT '{}',
        created_by uuid REFERENCES users (id) ON DELETE SET NULL,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX buyers_created_idx ON buyers (created_at DESC, id DESC)`);

    await q.query(`
      CREATE TABLE buyer_plants (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        buyer_id uuid NOT NULL REFERENCES buyers (id) ON DELETE CASCADE,
        position integer NOT NULL,
        name text NOT NULL,
        zone_code text,
        latitude double precision NOT NULL,
        longitude double precision NOT NULL
      )`);
    await q.query(`CREATE INDEX buyer_plants_buyer_idx ON buyer_plants (buyer_id)`);

    await q.query(`
      CREATE TABLE company_memberships (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        supplier_id uuid REFERENCES suppliers (id) ON DELETE CASCADE,
        buyer_id uuid REFERENCES buyers (id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((supplier_id IS NULL) <> (buyer_id IS NULL))
      )`);
    await q.query(
      `CREATE UNIQUE INDEX company_memberships_supplier_key ON company_memberships (user_id, supplier_id) WHERE supplier_id IS NOT NULL`,
    );
    await q.query(
      `CREATE UNIQUE INDEX company_memberships_buyer_key ON company_memberships (user_id, buyer_id) WHERE buyer_id IS NOT NULL`,
    );
    await q.query(`CREATE INDEX company_memberships_supplier_idx ON company_memberships (supplier_id)`);
    await q.query(`CREATE INDEX company_memberships_buyer_idx ON company_memberships (buyer_id)`);

    // Written in the same transaction as every change to a supplier's searchable document; the
    // worker drains it into Meilisearch (see libs/search).
    await q.query(`
      CREATE TABLE search_outbox (
        id bigserial PRIMARY KEY,
        aggregate text NOT NULL,
        aggregate_id uuid NOT NULL,
        reason text NOT NULL,
        available_at timestamptz NOT NULL DEFAULT now(),
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        processed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX search_outbox_pending_idx ON search_outbox (available_at, id) WHERE processed_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'search_outbox',
      'company_memberships',
      'buyer_plants',
      'buyers',
      'supplier_customers',
      'supplier_equipment',
      'supplier_certifications',
      'suppliers',
      'refresh_tokens',
      'users',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
