import { createHash } from 'node:crypto';
import { MeilisearchApiError, type Meilisearch } from 'meilisearch';
import { createMeiliClient, type MeiliSettings } from './meili-client.js';

/** A stable key uid per index prefix, so every start finds the key it created before. */
export function searchKeyUid(indexUid: string): string {
  const hex = createHash('sha256').update(`hp-search-key:${indexUid}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * Searches never use the master key: a key allowed only to search the suppliers index is created
 * (once) with the master key, and the search client uses it.
 */
export class SearchClientProvider {
  private client: Promise<Meilisearch> | undefined;

  constructor(
    private readonly admin: Meilisearch,
    private readonly settings: MeiliSettings,
    private readonly indexUid: string,
  ) {}

  get(): Promise<Meilisearch> {
    this.client ??= this.create().catch((error: unknown) => {
      this.client = undefined; // try again on the next search
      throw error;
    });
    return this.client;
  }

  /** Forgets the cached client: the next search looks the key up (or creates it) again. */
  reset(): void {
    this.client = undefined;
  }

  private async create(): Promise<Meilisearch> {
    if (!this.settings.apiKey) return this.admin; // a Meilisearch without keys (development only)
    const uid = searchKeyUid(this.indexUid);
    let key: string;
    try {
      key = (await this.admin.getKey(uid)).key;
    } catch (error) {
      if (!(error instanceof MeilisearchApiError) || error.response.status !== 404) throw error;
      key = (
        await this.admin.createKey({
          uid,
          name: `search ${this.indexUid}`,
          description: 'Search-only key of the API (created by the API with the master key)',
          actions: ['search'],
          indexes: [this.indexUid],
          expiresAt: null,
        })
      ).key;
    }
    return createMeiliClient({ ...this.settings, apiKey: key, timeoutMs: 3000 });
  }
}
