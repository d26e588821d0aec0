/**
 * The search replicas in MEILI_URL: comma-separated http(s) URLs, one per Meilisearch server, each
 * normalised (lower-case host, no trailing slash, no default port) because the URL is the replica's
 * identity in the database. Throws an Error naming the offending entry.
 */
export function meiliReplicaUrls(value: string): string[] {
  const urls = value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)
    .map((item) => {
      let url: URL;
      try {
        url = new URL(item);
      } catch {
        throw new Error(`"${item}" is not a URL (expected comma-separated http(s) URLs, one per Meilisearch replica)`);
      }
      if (!['http:', 'https:'].includes(url.protocol) || url.search || url.hash || url.username)
        throw new Error(`"${item}" must be an http(s) URL without credentials, query or fragment`);
      return `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}`;
    });
  if (!urls.length) throw new Error('names no URL');
  const twice = urls.find((url, i) => urls.indexOf(url) !== i);
  if (twice) throw new Error(`names ${twice} twice`);
  return urls;
}
