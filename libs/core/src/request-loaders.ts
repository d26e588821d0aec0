import DataLoader from 'dataloader';

const loaders = new WeakMap<object, Map<string, DataLoader<unknown, unknown>>>();

/**
 * A DataLoader that lives as long as one request (`request` is the HTTP request object of the
 * GraphQL context): per-item field resolvers of one page share it, so a page of N items costs one
 * batched load instead of N. Per request, because what a caller may see depends on the caller.
 * `batch` answers, for each key in order, the value or an Error.
 */
export function requestLoader<K, V>(
  request: object,
  name: string,
  batch: (keys: readonly K[]) => Promise<(V | Error)[]>,
): DataLoader<K, V> {
  let byName = loaders.get(request ?? {});
  if (!byName) loaders.set(request ?? {}, (byName = new Map<string, DataLoader<unknown, unknown>>()));
  let loader = byName.get(name) as DataLoader<K, V> | undefined;
  if (!loader) {
    loader = new DataLoader<K, V>(batch);
    byName.set(name, loader);
  }
  return loader;
}
