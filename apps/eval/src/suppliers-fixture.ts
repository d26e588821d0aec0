import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isCertificateValid } from '#libs/core';
import { ARCHETYPES, DEMO_REFERENCE_DAY, demoInputs } from '#libs/demo-data';
import { Taxonomy, TaxonomyKind } from '#libs/taxonomy';

/**
 * `node dist/apps/eval/src/suppliers-fixture.js [--json FILE]`: writes the 160 demo suppliers as a
 * readable record per supplier (apps/eval/data/suppliers-fixture.md), the material the labels of
 * apps/eval/data/matching-set.json were judged from. Deterministic: the same demo inputs on every
 * machine; certificate validity is stated as of the demo reference day.
 */

/** Repository root, from dist/apps/eval/src (compiled) or apps/eval/src (source). */
export function repoRoot(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  return here.includes(`${join('dist', 'apps')}`) ? join(here, '..', '..', '..', '..') : join(here, '..', '..', '..');
}

/** Verification status as DemoDataService assigns it, by index in the demo supplier list. */
export function demoStatus(index: number): 'VERIFIED' | 'UNVERIFIED' | 'SUSPENDED' {
  if (index % 20 === 19) return 'SUSPENDED';
  return index % 3 === 2 ? 'UNVERIFIED' : 'VERIFIED';
}

export function haversineKm(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = Math.PI / 180;
  const h =
    Math.sin(((b.lat - a.lat) * rad) / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(((b.lng - a.lng) * rad) / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(h)));
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export interface FixtureSupplier {
  index: number;
  taxCode: string;
  archetype: string;
  status: string;
  nameVi: string;
  tradeNameEn: string;
  zone: string;
  location: { lat: number; lng: number };
  employees: number;
  processes: string[];
  materials: string[];
  productGroups: string[];
  sectors: string[];
  certifications: { code: string; validFrom: string; validUntil: string; valid: boolean; daysLeft: number }[];
  capacity: { value: number; unit: string };
  leadTimeDays: number;
  bestToleranceMm: number | null;
  equipment: string[];
  languages: string[];
  /** km from the supplier to each buyer plant zone. */
  distances: Record<string, number>;
}

export function fixtureSuppliers(taxonomy: Taxonomy): { suppliers: FixtureSupplier[]; plantZones: string[] } {
  const { suppliers, buyers } = demoInputs(taxonomy);
  const plantZones = [...new Set(buyers.flatMap((b) => (b.plants ?? []).map((p) => p.zoneCode).filter((z): z is string => !!z)))].sort();
  const geo = (code: string) => taxonomy.find(TaxonomyKind.ZONE, code)!.geo!;
  return {
    plantZones,
    suppliers: suppliers.map((s, index) => {
      const archetype = ARCHETYPES.find((a) => s.nameVi.includes(a.nameStem.vi))!;
      const location = { lat: s.location!.latitude, lng: s.location!.longitude };
      return {
        index,
        taxCode: s.taxCode,
        archetype: archetype.key,
        status: demoStatus(index),
        nameVi: s.nameVi,
        tradeNameEn: s.tradeNameEn ?? '',
        zone: s.zoneCode!,
        location,
        employees: s.employees!,
        processes: s.processes ?? [],
        materials: s.materials ?? [],
        productGroups: s.productGroups ?? [],
        sectors: s.sectors ?? [],
        certifications: (s.certifications ?? []).map((c) => ({
          code: c.code,
          validFrom: c.validFrom!,
          validUntil: c.validUntil!,
          valid: isCertificateValid(c.validFrom, c.validUntil, DEMO_REFERENCE_DAY),
          daysLeft: c.validUntil ? daysBetween(DEMO_REFERENCE_DAY, c.validUntil) : 99999,
        })),
        capacity: { value: s.monthlyCapacity!.value, unit: s.monthlyCapacity!.unit },
        leadTimeDays: s.leadTimeDays!,
        bestToleranceMm: s.bestToleranceMm ?? null,
        equipment: (s.equipment ?? []).map((e) => {
          const spec = e.pressTonnage
            ? ` ${e.pressTonnage} t`
            : e.clampForceTonnes
              ? ` ${e.clampForceTonnes} t clamp`
              : e.axes
                ? ` ${e.axes}-axis`
                : '';
          return `${e.count}× ${e.kind} ${e.maker ?? ''}${spec}`.replace(/\s+/g, ' ').trim();
        }),
        languages: s.languages ?? [],
        distances: Object.fromEntries(plantZones.map((z) => [z, Math.round(haversineKm(location, geo(z)) * 10) / 10])),
      };
    }),
  };
}

function markdown(taxonomy: Taxonomy): string {
  const { suppliers, plantZones } = fixtureSuppliers(taxonomy);
  const label = (kind: TaxonomyKind, code: string) => `${code} (${taxonomy.label(kind, code, 'en' as never)})`;
  const geo = (code: string) => taxonomy.find(TaxonomyKind.ZONE, code)!.geo!;
  const zones = [...new Set([...plantZones, ...suppliers.map((s) => s.zone)])].sort();
  const lines: string[] = [
    '# Demo supplier fixture (160 suppliers)',
    '',
    `Generated by \`node dist/apps/eval/src/suppliers-fixture.js\` from \`demoInputs(Taxonomy.load()).suppliers\`; do not edit by hand.`,
    `Certificate validity is as of the demo reference day **${DEMO_REFERENCE_DAY}** (a certificate counts from validFrom until the day before validUntil: \`isCertificateValid\`).`,
    'Verification status as DemoDataService sets it: index % 20 === 19 SUSPENDED, index % 3 === 2 UNVERIFIED, else VERIFIED.',
    'Descriptions are the same for every supplier of a kind (archetype); only the structured fields differ.',
    '',
    '## Distances between zones (km, great circle; supplier points are within ~1 km of their zone)',
    '',
    `| zone | ${plantZones.join(' | ')} |`,
    `|---|${plantZones.map(() => '---').join('|')}|`,
    ...zones.map((z) => `| ${z} | ${plantZones.map((p) => haversineKm(geo(z), geo(p)).toFixed(0)).join(' | ')} |`),
    '',
    '## Archetypes',
    '',
    ...ARCHETYPES.map((a) => `- **${a.key}** (${a.nameStem.en}): ${a.describe.en} Capacity unit ${a.capacityUnit}.`),
    '',
    '## Suppliers',
    '',
  ];
  for (const s of suppliers) {
    const certs = s.certifications.length
      ? s.certifications
          .map(
            (c) =>
              `${c.code} ${c.validFrom}→${c.validUntil} ${c.valid ? (c.daysLeft <= 90 ? `VALID (lapses in ${c.daysLeft} d)` : 'VALID') : c.daysLeft <= 0 ? 'EXPIRED' : 'NOT YET VALID'}`,
          )
          .join('; ')
      : 'none';
    const near = Object.entries(s.distances)
      .map(([z, km]) => `${z} ${km}`)
      .join(', ');
    lines.push(
      `### #${s.index} ${s.taxCode} — ${s.status} — ${s.archetype}`,
      `- ${s.nameVi} / ${s.tradeNameEn}; ${s.employees} employees; languages ${s.languages.join(', ')}`,
      `- zone ${s.zone} (${s.location.lat}, ${s.location.lng}); km to plant zones: ${near}`,
      `- processes: ${s.processes.map((p) => label(TaxonomyKind.PROCESS, p)).join(', ')}`,
      `- materials: ${s.materials.map((m) => label(TaxonomyKind.MATERIAL, m)).join(', ')}`,
      `- product groups: ${s.productGroups.join(', ')}; sectors: ${s.sectors.join(', ')}`,
      `- certifications: ${certs}`,
      `- capacity ${s.capacity.value} ${s.capacity.unit}/month; lead time ${s.leadTimeDays} d; best tolerance ${s.bestToleranceMm ?? 'n/a'} mm`,
      `- equipment: ${s.equipment.join('; ')}`,
      '',
    );
  }
  return lines.join('\n');
}

function main(): void {
  const taxonomy = Taxonomy.load();
  const file = join(repoRoot(), 'apps', 'eval', 'data', 'suppliers-fixture.md');
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, markdown(taxonomy));
  process.stdout.write(`wrote ${file}\n`);
  const jsonAt = process.argv.indexOf('--json');
  if (jsonAt >= 0) {
    writeFileSync(process.argv[jsonAt + 1], JSON.stringify(fixtureSuppliers(taxonomy), null, 1));
    process.stdout.write(`wrote ${process.argv[jsonAt + 1]}\n`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
