import type { NeedSpec } from '#libs/matching';
import type { NeedRepository, OpenNeedVersion, SourcingNeedEntity } from '#libs/sourcing';

/** A need held in memory, at one version, with the specs built from it so far. */
interface HeldNeed {
  need: SourcingNeedEntity;
  /** needSpecOf at this version, per way of seeing the buyer (`specKey`). */
  specs: Map<string, NeedSpec>;
}

/** Past this many needs held, the memory starts again (closed and edited needs leave old entries). */
export const MAX_HELD = 50000;

/**
 * Open needs kept in memory between matchNeeds calls, by id and version. Each call still asks
 * PostgreSQL which needs the supplier may see and at which version (NeedRepository.openVersions: ids
 * only); a need is loaded again only when it is new to this process or its version changed. Every
 * write of a need raises its version (NeedRepository), so a need created, edited, closed or awarded
 * by any API process is seen at the next call: no notification, nothing to keep in step.
 */
export class OpenNeedMemory {
  private readonly held = new Map<string, HeldNeed>();

  constructor(private readonly needs: NeedRepository) {}

  /** The needs at the versions listed, loading those not held at that version. */
  async current(versions: OpenNeedVersion[]): Promise<{ need: SourcingNeedEntity; specs: Map<string, NeedSpec> }[]> {
    const found: (HeldNeed | undefined)[] = [];
    const stale: string[] = [];
    for (const v of versions) {
      const held = this.held.get(v.id);
      if (held?.need.version === v.version) found.push(held);
      else {
        found.push(undefined);
        stale.push(v.id);
      }
    }
    if (stale.length) {
      if (this.held.size + stale.length > MAX_HELD) this.held.clear();
      for (const need of await this.needs.findByIds(stale)) this.held.set(need.id, { need, specs: new Map() });
      for (const [i, v] of versions.entries()) found[i] ??= this.held.get(v.id);
    }
    // a need written again since it was listed comes back at its newer version: scored as it is now, if still open
    return found.filter((h): h is HeldNeed => !!h && h.need.status === 'OPEN');
  }

  /** How many needs are held (for tests). */
  get size(): number {
    return this.held.size;
  }
}
