import { Injectable } from '@nestjs/common';
import { isCentreStaff, isSupplierMember, type MaybeActor, requireActor } from '#libs/accounts';
import { BuyerRepository, SupplierRepository } from '#libs/companies';
import { Forbidden, type Language, NotFound, todayInVietnam } from '#libs/core';
import { candidateFromAggregate, capabilitiesInText, needSpecOf, taxonomyView } from '#libs/matchmaking';
import { NeedRepository, supplierViewer } from '#libs/sourcing';
import { Taxonomy, TaxonomyKind } from '#libs/taxonomy';
import { describeChange, describeRequirement, explainPath, type LabelOf } from './phrases.js';
import { NO_SECTOR, UNDISCLOSED, type UpgradePath, upgradePaths, type VisibleNeed } from './upgrade-paths.js';
import type { UpgradePathModel, UpgradePathsArgs, UpgradePathsModel, UpgradeTermModel } from './upgrades.models.js';
import { UnmetRequirementKind, UpgradeChangeKind } from './upgrades.models.js';

const SECTOR_LABELS: Record<string, Record<Language, string>> = {
  [UNDISCLOSED]: { vi: 'Không công khai', en: 'Undisclosed', ja: '非公開', ko: '비공개' },
  [NO_SECTOR]: { vi: 'Chưa xác định', en: 'Unspecified', ja: '未指定', ko: '미지정' },
};

/**
 * Upgrade paths: what a supplier could change to qualify for more of the open needs it may see. The
 * needs are exactly those the sourcing visibility rules show that supplier (whoever asks, ADMIN too),
 * judged as matchNeeds judges them; the pure core (upgrade-paths.ts) does the rest.
 */
@Injectable()
export class UpgradesService {
  constructor(
    private readonly suppliers: SupplierRepository,
    private readonly buyers: BuyerRepository,
    private readonly needs: NeedRepository,
    private readonly taxonomy: Taxonomy,
  ) {}

  async upgradePaths(actor: MaybeActor, { supplierId, lang, first }: UpgradePathsArgs): Promise<UpgradePathsModel> {
    const caller = requireActor(actor);
    const [aggregate] = await this.suppliers.loadAggregates([supplierId]);
    // the centre's staff (STAFF and ADMIN) coach SMEs toward these paths
    const insider = isCentreStaff(caller) || isSupplierMember(caller, supplierId);
    // as the supplier edit decides: unknown (or suspended, to outsiders) is NOT_FOUND; seen but not yours is FORBIDDEN
    if (!aggregate || (aggregate.supplier.verificationStatus === 'SUSPENDED' && !insider)) throw new NotFound('Supplier', supplierId);
    if (!insider) throw new Forbidden("Only the supplier's members or the centre's staff may see its upgrade paths");

    const today = todayInVietnam();
    const viewer = supplierViewer(supplierId, aggregate.supplier.verificationStatus);
    const open = await this.needs.openVisible(viewer);
    const buyerShown = await this.needs.buyerVisibleIds(open, viewer);
    const sectors = new Map(
      (await this.buyers.loadAggregates([...new Set(open.filter((n) => buyerShown.has(n.id)).map((n) => n.buyerId))])).map((b) => [
        b.buyer.id,
        b.buyer.sectors,
      ]),
    );
    const visible: VisibleNeed[] = open.map((need) => ({
      spec: needSpecOf(need, [], capabilitiesInText(this.taxonomy, need)),
      // a hidden buyer's sectors could name it: its needs count under UNDISCLOSED
      sectors: buyerShown.has(need.id) ? (sectors.get(need.buyerId) ?? []) : null,
    }));
    const analysis = upgradePaths(candidateFromAggregate(aggregate, today), visible, taxonomyView(this.taxonomy), today, { first });
    const toModel = (path: UpgradePath) => this.pathModel(path, lang);
    return {
      supplierId,
      openNeedsSeen: analysis.needsSeen,
      qualifiedNow: analysis.qualifiedNow,
      paths: analysis.paths.map(toModel),
      combinations: analysis.combinations.map(toModel),
    };
  }

  private pathModel(path: UpgradePath, lang: Language): UpgradePathModel {
    const label: LabelOf = (kind, code) => this.label(kind, code, lang);
    const term = (kind: 'PROCESS' | 'CERTIFICATION', code: string | null): UpgradeTermModel | null =>
      code ? { code, label: label(kind, code) } : null;
    return {
      changes: path.changes.map((c) => ({
        kind: c.kind as UpgradeChangeKind,
        term: c.kind === 'PROCESS' || c.kind === 'CERTIFICATION' ? term(c.kind, c.code) : null,
        value: c.value,
        unit: c.unit,
        description: describeChange(c, lang, label),
      })),
      additionalNeeds: path.needIds.length,
      needIds: path.needIds,
      onlyTogether: path.onlyTogether,
      monthlyVolume: path.volume,
      buyerSectors: path.sectors.map((s) => ({
        sector: { code: s.code, label: SECTOR_LABELS[s.code]?.[lang] ?? this.termLabel(TaxonomyKind.SECTOR, s.code, lang) },
        needs: s.needs,
      })),
      nearMisses: path.nearMisses,
      stillMissing: path.stillMissing.map((m) => ({
        kind: m.requirement.kind as UnmetRequirementKind,
        term:
          m.requirement.kind === 'PROCESS' || m.requirement.kind === 'CERTIFICATION' ? term(m.requirement.kind, m.requirement.code) : null,
        needs: m.needs,
        description: describeRequirement(m.requirement, lang, label),
      })),
      explanation: explainPath(path, lang, label),
    };
  }

  private label(kind: 'PROCESS' | 'CERTIFICATION', code: string, lang: Language): string {
    return this.termLabel(TaxonomyKind[kind], code, lang);
  }

  private termLabel(kind: TaxonomyKind, code: string, lang: Language): string {
    return this.taxonomy.has(kind, code) ? this.taxonomy.label(kind, code, lang) : code;
  }
}
