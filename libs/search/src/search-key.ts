import { createHash } from 'node:crypto';
import { type Meilisearch } from 'meilisearch';
import { logger, ThrottledLog } from '#libs/core';
import { createMeiliClient, meiliApiError, type MeiliSettings } from './meili-client.js';
import { asSearchFailure, SearchUnavailable } from './search-unavailable.js';

/** A stable key uid per index prefix, so every start finds the key it created before. */
export function searchKeyUid(indexUid: string): string {
  const hex = createHash('sha256').update(`hp-search-key:${indexUid}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** How long a replica that failed a request gets no searches before it is tried again. */
export const REPLICA_COOL_DOWN_MS = 5000;

/** One replica as the search side sees it: its admin client, its search-key client, and until when it rests. */
class ReplicaClient {
  client: Promise<Meilisearch> | undefined;
  /** performance.now() until which this replica gets no searches (after a failure). */
  restsUntil = 0;

  constructor(
    readonly url: string,
    readonly admin: Meilisearch,
  ) {}
}

/**
 * Searches never use the master key: on each replica a key allowed only to search the suppliers
 * index is created (once) with the master key, and the search client uses it. Searches are spread
 * round-robin across the replicas that have not failed lately; a replica whose request fails with a
 * Meilisearch failure rests for `coolDownMs` (no searches), then gets its turn again (the probe), and
 * the failed search is retried once on another replica. With one replica nothing rests: every
 * search tries it, as before replicas.
 */
export class SearchClientProvider {
  private readonly replicas: ReplicaClient[];
  private next = 0;
  private readonly failures = new ThrottledLog();

  constructor(
    admins: readonly { url: string; client: Meilisearch }[],
    private readonly settings: Omit<MeiliSettings, 'url'>,
    private readonly indexUid: string,
    private readonly coolDownMs = REPLICA_COOL_DOWN_MS,
    private readonly now: () => number = () => performance.now(),
  ) {
    if (!admins.length) throw new Error('SearchClientProvider needs at least one Meilisearch replica');
    this.replicas = admins.map((a) => new ReplicaClient(a.url, a.client));
  }

  /** The first replica's search client (what K = 1 always had). */
  get(): Promise<Meilisearch> {
    return this.clientOf(this.replicas[0]);
  }

  /**
   * Every request the API sends to Meilisearch goes through here: sent to a replica in turn among
   * those not resting; a refused search key (deleted, or Meilisearch's data reset) is re-created
   * once; a Meilisearch that does not answer in time, refuses the connection or fails makes its
   * replica rest, and the request is tried once more on another replica. A failure left is
   * SearchUnavailable (never an internal error).
   */
  async run<T>(request: (client: Meilisearch) => Promise<T>): Promise<T> {
    const first = this.pick();
    try {
      return await this.attempt(first, request);
    } catch (failure) {
      if (!(failure instanceof SearchUnavailable) || this.replicas.length === 1) throw failure;
      return await this.attempt(this.pick(first), request);
    }
  }

  /** Forgets the cached clients: the next search looks the keys up (or creates them) again. */
  reset(): void {
    for (const replica of this.replicas) replica.client = undefined;
  }

  /** The next replica in turn that is not resting (and not `except`); when all rest, the one whose rest ends first. */
  private pick(except?: ReplicaClient): ReplicaClient {
    const now = this.now();
    const candidates = this.replicas.filter((r) => r !== except);
    if (!candidates.length) return this.replicas[0];
    for (let i = 0; i < this.replicas.length; i += 1) {
      const replica = this.replicas[(this.next + i) % this.replicas.length];
      if (replica === except || replica.restsUntil > now) continue;
      this.next = (this.replicas.indexOf(replica) + 1) % this.replicas.length;
      return replica;
    }
    return candidates.reduce((a, b) => (b.restsUntil < a.restsUntil ? b : a));
  }

  private async attempt<T>(replica: ReplicaClient, request: (client: Meilisearch) => Promise<T>): Promise<T> {
    try {
      let result: T;
      try {
        result = await request(await this.clientOf(replica));
      } catch (error) {
        if (![401, 403].includes(meiliApiError(error)?.response.status ?? 0)) throw error;
        replica.client = undefined;
        result = await request(await this.clientOf(replica));
      }
      replica.restsUntil = 0;
      return result;
    } catch (error) {
      const failure = asSearchFailure(error);
      if (failure instanceof SearchUnavailable) {
        if (this.replicas.length > 1) replica.restsUntil = this.now() + this.coolDownMs;
        this.failures.note((count, sinceMs) =>
          logger.emit(
            'warn',
            'Meilisearch unavailable: resting the replica, or answering SEARCH_UNAVAILABLE when none is left',
            { failures: count, sinceMs, replica: replica.url, error },
            'Search',
          ),
        );
      }
      throw failure;
    }
  }

  private clientOf(replica: ReplicaClient): Promise<Meilisearch> {
    replica.client ??= this.create(replica).catch((error: unknown) => {
      replica.client = undefined; // try again on the next search
      throw error;
    });
    return replica.client;
  }

  private async create({ admin, url }: ReplicaClient): Promise<Meilisearch> {
    if (!this.settings.apiKey) return admin; // a Meilisearch without keys (development only)
    const uid = searchKeyUid(this.indexUid);
    let key: string;
    try {
      key = (await admin.getKey(uid)).key;
    } catch (error) {
      if (meiliApiError(error)?.response.status !== 404) throw error;
      key = (
        await admin.createKey({
          uid,
          name: `search ${this.indexUid}`,
          description: 'Search-only key of the API (created by the API with the master key)',
          actions: ['search'],
          indexes: [this.indexUid],
          expiresAt: null,
        })
      ).key;
    }
    return createMeiliClient({ ...this.settings, url, apiKey: key, timeoutMs: 3000 });
  }
}
