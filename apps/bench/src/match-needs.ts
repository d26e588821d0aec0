import type { DataSource } from 'typeorm';
import type { BuyersService } from '#libs/companies';
import { addDays } from '#libs/core';
import { inTransaction } from '#libs/database';
import { progressPrinter } from '#libs/platform';
import { ARCHETYPES, type Archetype, demoBuyers, SeededRandom, zonePoints } from '#libs/demo-data';
import { type Taxonomy, TaxonomyKind } from '#libs/taxonomy';

/**
 * Data helpers of the matching benchmark: the 13 demo buyers, a realistic verification mix on the
 * synthetic suppliers, and synthetic open sourcing needs inserted with plain SQL in batches.
 */

export interface BenchBuyer {
  id: string;
  name: string;
  languages: string[];
  sectors: string[];
  plants: { name: string; lat: number; lng: number }[];
}

/** Creates the demo buyers that are missing (by tax code), then returns all of them with their plants. */
export async function ensureDemoBuyers(dataSource: DataSource, buyersService: BuyersService, taxonomy: Taxonomy): Promise<BenchBuyer[]> {
  const zones = zonePoints(taxonomy);
  const inputs = demoBuyers(new Map(zones.map((z) => [z.code, z])));
  const present = new Set(
    (
      await dataSource.query<{ tax_code: string }[]>('SELECT tax_code FROM buyers WHERE tax_code = ANY($1)', [inputs.map((b) => b.taxCode)])
    ).map((r) => r.tax_code),
  );
  const missing = inputs.filter((b) => !present.has(b.taxCode));
  if (missing.length)
    await inTransaction(dataSource, async (manager) => {
      for (const input of missing) await buyersService.createWithin(manager, input, null, 'VERIFIED');
    });
  const rows: {
    id: string;
    tax_code: string;
    name: string;
    languages: string[];
    sectors: string[];
    plant: string | null;
    latitude: number | null;
    longitude: number | null;
  }[] = await dataSource.query(
    `SELECT b.id, b.tax_code, b.name, b.languages, b.sectors, p.name AS plant, p.latitude, p.longitude
       FROM buyers b LEFT JOIN buyer_plants p ON p.buyer_id = b.id
      WHERE b.tax_code = ANY($1) ORDER BY b.tax_code, p.position`,
    [inputs.map((b) => b.taxCode)],
  );
  const byTaxCode = new Map<string, BenchBuyer>();
  for (const row of rows) {
    const buyer = byTaxCode.get(row.tax_code) ?? { id: row.id, name: row.name, languages: row.languages, sectors: row.sectors, plants: [] };
    if (row.plant !== null && row.latitude !== null && row.longitude !== null)
      buyer.plants.push({ name: row.plant, lat: row.latitude, lng: row.longitude });
    byTaxCode.set(row.tax_code, buyer);
  }
  // In the demo's order, so the generated needs are the same on every machine.
  return inputs.map((b) => byTaxCode.get(b.taxCode)!).filter(Boolean);
}

/**
 * Synthetic suppliers are created UNVERIFIED, and only members of a VERIFIED supplier see open needs:
 * give them the demo's mix (about 62% verified, 5% suspended, the rest unverified) by tax-code order,
 * deterministic and stable when more suppliers are added later. Changed suppliers without a pending
 * outbox entry get one, so the index follows. Returns how many changed.
 */
export async function applyVerificationMix(dataSource: DataSource): Promise<number> {
  // In batches: one statement over 100 000 suppliers outlasted the API's 10 s statement time-out
  // that the bench's connections share (it stopped bench:match at its set-up, twice).
  const ids: { id: string }[] = await dataSource.query(`SELECT id FROM suppliers WHERE tax_code LIKE '04%' ORDER BY tax_code`);
  const statusAt = (rn: number) => (rn % 20 === 19 ? 'SUSPENDED' : rn % 3 === 2 ? 'UNVERIFIED' : 'VERIFIED');
  const progress = progressPrinter('verification mix');
  let changed = 0;
  for (let from = 0; from < ids.length; from += VERIFICATION_BATCH) {
    const batch = ids.slice(from, from + VERIFICATION_BATCH);
    const rows: { id: string }[] = await dataSource.query(
      `
      WITH target AS (
        SELECT * FROM unnest($1::uuid[], $2::text[]) AS t(id, status)
      ), changed AS (
        UPDATE suppliers s SET verification_status = t.status FROM target t
         WHERE s.id = t.id AND s.verification_status <> t.status
        RETURNING s.id
      ), queued AS (
        INSERT INTO search_outbox (aggregate, aggregate_id, reason, replica_id)
        SELECT 'supplier', c.id, 'bench:verification', r.id FROM changed c CROSS JOIN search_replicas r
         WHERE r.retired_at IS NULL AND NOT EXISTS (SELECT 1 FROM search_outbox o WHERE o.aggregate_id = c.id AND o.replica_id = r.id AND o.processed_at IS NULL)
        RETURNING 1
      )
      SELECT id FROM changed`,
      [batch.map((row) => row.id), batch.map((_, i) => statusAt(from + i))],
    );
    changed += rows.length;
    progress(Math.min(from + VERIFICATION_BATCH, ids.length), ids.length);
  }
  return changed;
}

const VERIFICATION_BATCH = 2000;

/** What a buyer of each archetype typically asks for: [vi, en, ja] part names. */
const PARTS: Record<string, [string, string, string][]> = {
  cnc: [
    ['trục truyền động', 'drive shafts', 'シャフト'],
    ['bạc lót', 'bushings', 'ブッシュ'],
    ['mặt bích', 'flanges', 'フランジ'],
    ['chi tiết đồ gá', 'jig and fixture parts', '治具部品'],
    ['vỏ nhôm gia công', 'machined aluminium housings', 'アルミ筐体'],
    ['chốt định vị', 'locating pins', '位置決めピン'],
  ],
  stamping: [
    ['giá đỡ', 'brackets', 'ブラケット'],
    ['khung kim loại', 'metal frames', 'フレーム'],
    ['tấm chắn nhiễu', 'shield plates', 'シールド板'],
    ['kẹp lò xo', 'spring clips', 'クリップ'],
    ['chi tiết thân xe', 'body panels', 'ボディ部品'],
    ['nắp hộp kim loại', 'sheet-metal covers', '板金カバー'],
  ],
  injection: [
    ['vỏ nhựa', 'plastic housings', '樹脂ハウジング'],
    ['nắp đậy', 'covers', 'カバー'],
    ['bánh răng nhựa', 'plastic gears', '樹脂ギア'],
    ['khay đựng linh kiện', 'component trays', 'トレイ'],
    ['chi tiết nội thất ô tô', 'car interior trims', '内装部品'],
    ['thân đầu nối', 'connector bodies', 'コネクタ'],
  ],
  diecast: [
    ['vỏ hộp số', 'gearbox housings', 'ギアボックスハウジング'],
    ['tản nhiệt', 'heat sinks', 'ヒートシンク'],
    ['giá đỡ động cơ', 'engine brackets', 'エンジンブラケット'],
    ['vỏ động cơ điện', 'motor housings', 'モーターハウジング'],
  ],
  surface: [
    ['chi tiết thép mạ kẽm', 'zinc-plated steel parts', '亜鉛めっき部品'],
    ['vỏ nhôm anot hóa', 'anodised aluminium housings', 'アルマイト筐体'],
    ['khung sơn tĩnh điện', 'powder-coated frames', '粉体塗装フレーム'],
    ['cọc đấu dây mạ niken', 'nickel-plated terminals', 'ニッケルめっき端子'],
  ],
  electronics: [
    ['bo mạch điều khiển', 'controller PCBAs', '制御基板'],
    ['bo mạch nguồn', 'power supply boards', '電源基板'],
    ['mô-đun cảm biến', 'sensor modules', 'センサーモジュール'],
    ['bo mạch LED', 'LED boards', 'LED基板'],
  ],
  harness: [
    ['bó dây điện', 'wire harnesses', 'ワイヤーハーネス'],
    ['cáp tín hiệu', 'signal cables', '信号ケーブル'],
    ['dây nguồn', 'power cords', '電源コード'],
    ['cáp nối pin', 'battery connection cables', 'バッテリーケーブル'],
  ],
  rubber: [
    ['gioăng cao su', 'rubber gaskets', 'ゴムガスケット'],
    ['phớt chặn dầu', 'oil seals', 'オイルシール'],
    ['đệm chống rung', 'anti-vibration mounts', '防振ゴム'],
    ['nút cao su', 'rubber plugs', 'ゴム栓'],
  ],
  tooling: [
    ['khuôn ép nhựa', 'injection moulds', '射出成形金型'],
    ['khuôn dập liên hoàn', 'progressive dies', '順送金型'],
    ['đồ gá kiểm tra', 'inspection gauges', '検査治具'],
    ['chày cối dập', 'punches and dies', 'パンチ・ダイ'],
  ],
  fabrication: [
    ['khung giá đỡ thép', 'steel support frames', '鋼製フレーム'],
    ['vỏ tủ điện', 'electrical cabinets', '制御盤筐体'],
    ['kết cấu hàn', 'welded structures', '溶接構造物'],
    ['giá kệ thép', 'steel racks', 'スチールラック'],
  ],
};
const UNIT_WORDS: Record<string, [string, string, string]> = {
  PCS: ['chiếc', 'pcs', '個'],
  SETS: ['bộ', 'sets', 'セット'],
  TONNES: ['tấn', 'tonnes', 'トン'],
  SQUARE_METRES: ['m²', 'm²', 'm²'],
};
/** Buyers whose sectors match no archetype (medical devices) buy these kinds of parts. */
const FALLBACK_ARCHETYPES = ['injection', 'rubber', 'cnc'];

/** One sourcing_needs row, as inserted (snake_case columns). */
export interface NeedRow {
  id: string;
  buyer_id: string;
  title: string;
  description: string | null;
  product_group: string | null;
  processes: string[];
  materials: string[];
  certifications: string[];
  quantity_value: number | null;
  quantity_unit: string | null;
  price_min: number | null;
  price_max: number | null;
  price_currency: string | null;
  tolerance_mm: number | null;
  max_lead_time_days: number | null;
  delivery_plant: string | null;
  delivery_latitude: number | null;
  delivery_longitude: number | null;
  max_distance_km: number | null;
  needed_by: string | null;
  visibility: 'PUBLIC' | 'ANONYMOUS' | 'PRIVATE';
  /** Seconds before the insert: created (and published) over the last four months. */
  age_seconds: number;
}

function uuidFrom(random: SeededRandom): string {
  const bytes = Array.from({ length: 16 }, () => random.int(0, 255));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Two significant digits: 37 412 → 37 000, as buyers write quantities. */
function round2(value: number): number {
  if (value < 10) return Math.max(1, Math.round(value));
  const magnitude = 10 ** (Math.floor(Math.log10(value)) - 1);
  return Math.round(value / magnitude) * magnitude;
}

const grouped = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
const upperFirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * `count` open needs, deterministic for `seed` (ids included), spread over `buyers` in proportion to
 * their plants; each drawn from an archetype of the buyer's sectors, with the processes, materials and
 * certifications such shops have, a monthly quantity in the archetype's unit, delivery at one of the
 * buyer's plants, and some hard limits (distance, tolerance, lead time).
 */
export function generateNeeds(options: {
  count: number;
  seed: number;
  buyers: BenchBuyer[];
  taxonomy: Taxonomy;
  today: string;
}): NeedRow[] {
  const { taxonomy, today } = options;
  const random = new SeededRandom(options.seed);
  const byKey = new Map(ARCHETYPES.map((a) => [a.key, a]));
  const slots = options.buyers.flatMap((buyer) => Array.from({ length: Math.max(1, buyer.plants.length) }, () => buyer));
  const archetypesOf = new Map(
    options.buyers.map((buyer) => {
      const fitting = ARCHETYPES.filter((a) => a.sectors.some((s) => buyer.sectors.includes(s)));
      return [buyer.id, fitting.length ? fitting : FALLBACK_ARCHETYPES.map((k) => byKey.get(k)!)] as const;
    }),
  );
  const pickWeighted = (items: Archetype[]) => {
    let roll = random.next() * items.reduce((sum, a) => sum + a.weight, 0);
    for (const item of items) if ((roll -= item.weight) < 0) return item;
    return items[0];
  };
  const label = (kind: TaxonomyKind, code: string, lang: 'vi' | 'en' | 'ja') => taxonomy.label(kind, code, lang as never);
  const short = (code: string) =>
    /^[A-Z]+\d[A-Z0-9]*$|^[A-Z]{2,4}$/.test(code) ? code : label(TaxonomyKind.MATERIAL, code, 'en').replace(/\s*\(.*\)$/, '');
  const needs: NeedRow[] = [];
  for (let i = 0; i < options.count; i += 1) {
    const id = uuidFrom(random);
    const buyer = random.pick(slots);
    const archetype = pickWeighted(archetypesOf.get(buyer.id)!);
    // Processes: usually the shop's core process, sometimes a specific one, now and then two.
    const main = random.chance(0.75) ? random.pick(archetype.coreProcesses) : random.pick(archetype.extraProcesses);
    const processes = random.chance(0.25) ? [...new Set([main, random.pick(archetype.extraProcesses)])] : [main];
    const materials = random.chance(0.9) ? random.sample(archetype.materials, random.int(1, 2)) : [];
    const automotive = buyer.sectors.includes('AUTOMOTIVE');
    const certifications = archetype.certifications
      .filter(([code, p]) => random.chance(code === 'IATF_16949' && automotive ? 0.45 : p * 0.35))
      .map(([code]) => code)
      .slice(0, 2);
    const productGroup = random.chance(0.85) ? random.pick(archetype.productGroups) : null;
    const [lo, hi] = archetype.capacityRange;
    const quantity = random.chance(0.9) ? round2(lo * 0.2 + (hi - lo) * 0.4 * random.next() * random.next()) : null;
    const unit = archetype.capacityUnit;
    const priced = random.chance(0.45);
    const currency = random.chance(0.7) ? 'VND' : random.chance(0.6) ? 'USD' : 'JPY';
    const base = currency === 'VND' ? random.int(2, 400) * 1000 : currency === 'USD' ? random.int(5, 2000) / 100 : random.int(10, 2500);
    const tolerance =
      archetype.toleranceRange && random.chance(0.35)
        ? Number(
            (
              archetype.toleranceRange[0] * 1.5 +
              (archetype.toleranceRange[1] * 2 - archetype.toleranceRange[0] * 1.5) * random.next()
            ).toFixed(3),
          )
        : null;
    const leadTime = random.chance(0.4) ? random.pick([10, 14, 21, 30, 45, 60]) : null;
    const plant = buyer.plants.length && random.chance(0.97) ? random.pick(buyer.plants) : null;
    const maxDistance = plant && random.chance(0.3) ? random.pick([10, 15, 20, 30, 50, 80]) : null;
    const neededBy = random.chance(0.6) ? addDays(today, random.int(21, 200)) : null;
    const roll = random.next();
    const visibility = roll < 0.8 ? 'PUBLIC' : roll < 0.92 ? 'ANONYMOUS' : 'PRIVATE';
    // Words: mostly Vietnamese or English, Japanese for some needs of Japanese buyers.
    const [partVi, partEn, partJa] = random.pick(PARTS[archetype.key]);
    const lang =
      buyer.languages.includes('ja') && random.chance(0.25) ? 'ja' : buyer.languages.includes('vi') && random.chance(0.55) ? 'vi' : 'en';
    const material = materials[0];
    const processLabel = label(TaxonomyKind.PROCESS, processes[0], lang);
    const [unitVi, unitEn, unitJa] = UNIT_WORDS[unit] ?? [unit, unit, unit];
    let title: string;
    let description: string | null = null;
    const describe = random.chance(0.7);
    if (lang === 'vi') {
      title = `${upperFirst(partVi)}${material ? ` ${short(material)}` : ''} – ${lowerFirst(processLabel)}`;
      if (describe)
        description = [
          `Cần nhà cung cấp ${lowerFirst(processLabel)} ${partVi}${materials.length ? ` bằng ${materials.map((m) => lowerFirst(label(TaxonomyKind.MATERIAL, m, 'vi'))).join(' hoặc ')}` : ''}.`,
          quantity ? `Sản lượng khoảng ${grouped(quantity)} ${unitVi}/tháng${plant ? `, giao tại ${plant.name}` : ''}.` : '',
          certifications.length
            ? `Yêu cầu chứng chỉ ${certifications.map((c) => label(TaxonomyKind.CERTIFICATION, c, 'vi')).join(', ')} còn hiệu lực.`
            : '',
          tolerance ? `Dung sai ±${tolerance} mm.` : '',
        ]
          .filter(Boolean)
          .join(' ');
    } else if (lang === 'ja') {
      title = `${material ? short(material) : ''}${partJa}の${processLabel}`;
      if (describe)
        description = [
          `${plant ? `${plant.name}向け` : ''}${partJa}の${processLabel}を依頼します。`,
          materials.length ? `材料：${materials.map((m) => label(TaxonomyKind.MATERIAL, m, 'ja')).join('、')}。` : '',
          quantity ? `月産${grouped(quantity)}${unitJa}。` : '',
          certifications.length
            ? `${certifications.map((c) => label(TaxonomyKind.CERTIFICATION, c, 'ja')).join('・')}認証が必要です。`
            : '',
        ]
          .filter(Boolean)
          .join('');
    } else {
      title = `${upperFirst(partEn)}${material ? ` in ${short(material)}` : ''} (${lowerFirst(processLabel)})`;
      if (describe)
        description = [
          `We are looking for a local supplier for ${lowerFirst(processLabel)} of ${partEn}${materials.length ? ` in ${materials.map((m) => label(TaxonomyKind.MATERIAL, m, 'en')).join(' or ')}` : ''}.`,
          quantity ? `About ${grouped(quantity)} ${unitEn} per month${plant ? `, delivered to ${plant.name}` : ''}.` : '',
          certifications.length
            ? `Valid ${certifications.map((c) => label(TaxonomyKind.CERTIFICATION, c, 'en')).join(' and ')} required.`
            : '',
          tolerance ? `Tolerance ±${tolerance} mm.` : '',
        ]
          .filter(Boolean)
          .join(' ');
    }
    // A few buyers leave the structured fields empty and only write text (matching extracts the codes).
    const textOnly = random.chance(0.05);
    needs.push({
      id,
      buyer_id: buyer.id,
      title,
      description,
      product_group: productGroup,
      processes: textOnly ? [] : processes,
      materials: textOnly ? [] : materials,
      certifications: textOnly ? [] : certifications,
      quantity_value: quantity,
      quantity_unit: quantity ? unit : null,
      price_min: priced ? base : null,
      price_max: priced ? (currency === 'VND' ? Math.round(base * 1.3) : Number((base * 1.3).toFixed(2))) : null,
      price_currency: priced ? currency : null,
      tolerance_mm: tolerance,
      max_lead_time_days: leadTime,
      delivery_plant: plant?.name ?? null,
      delivery_latitude: plant?.lat ?? null,
      delivery_longitude: plant?.lng ?? null,
      max_distance_km: maxDistance,
      needed_by: neededBy,
      visibility,
      age_seconds: random.int(3600, 120 * 86400),
    });
  }
  return needs;
}

/** Inserts the rows whose ids are not there yet, `batch` per statement; returns how many were inserted. */
export async function insertNeeds(
  dataSource: DataSource,
  rows: NeedRow[],
  batch: number,
  progress: (done: number, total: number) => void,
): Promise<number> {
  let inserted = 0;
  for (let start = 0; start < rows.length; start += batch) {
    const chunk = rows.slice(start, start + batch);
    const result: unknown[] = await dataSource.query(
      `INSERT INTO sourcing_needs (id, buyer_id, title, description, product_group, processes, materials, certifications, quantity_value, quantity_unit,
              price_min, price_max, price_currency, tolerance_mm, max_lead_time_days, delivery_plant, delivery_latitude, delivery_longitude, max_distance_km,
              needed_by, status, visibility, published_at, created_at, updated_at)
       SELECT x.id, x.buyer_id, x.title, x.description, x.product_group, x.processes, x.materials, x.certifications, x.quantity_value, x.quantity_unit,
              x.price_min, x.price_max, x.price_currency, x.tolerance_mm, x.max_lead_time_days, x.delivery_plant, x.delivery_latitude, x.delivery_longitude, x.max_distance_km,
              x.needed_by, 'OPEN', x.visibility, now() - make_interval(secs => x.age_seconds) + interval '2 hours',
              now() - make_interval(secs => x.age_seconds), now() - make_interval(secs => x.age_seconds) + interval '2 hours'
         FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, buyer_id uuid, title text, description text, product_group text, processes text[], materials text[], certifications text[],
              quantity_value numeric, quantity_unit text, price_min numeric, price_max numeric, price_currency text, tolerance_mm numeric, max_lead_time_days integer,
              delivery_plant text, delivery_latitude double precision, delivery_longitude double precision, max_distance_km numeric, needed_by date, visibility text, age_seconds integer)
       ON CONFLICT (id) DO NOTHING
       RETURNING 1`,
      [JSON.stringify(chunk)],
    );
    inserted += result.length;
    progress(start + chunk.length, rows.length);
  }
  return inserted;
}
