import { lazy, Suspense, type ComponentProps } from 'react';
import type { MapView } from './map-view.js';
import { Loading } from './loading.js';

const LazyMapView = lazy(async () => ({ default: (await import('./map-view.js')).MapView }));

/** The map, loaded only when shown (Leaflet stays out of the first page's JavaScript). */
export function LazyMap(props: ComponentProps<typeof MapView>) {
  return (
    <Suspense fallback={<Loading size="sm" />}>
      <LazyMapView {...props} />
    </Suspense>
  );
}
