import 'leaflet/dist/leaflet.css';
import 'leaflet.markercluster/dist/MarkerCluster.css';
import 'leaflet.markercluster/dist/MarkerCluster.Default.css';
import { Alert, Box } from '@mantine/core';
import L from 'leaflet';
import { useEffect, useRef, useState } from 'react';
import classes from './map-view.module.css';

export interface MapPoint {
  id: string;
  latitude: number;
  longitude: number;
  label: string;
  kind: 'supplier' | 'zone';
  href?: string;
}

/** Hải Phòng, including the former Hải Dương province. */
const CENTRE: L.LatLngTuple = [20.86, 106.5];

/** The tile URL template the server configured (meta hp-map-tiles), or none. */
function tileUrl(): string | undefined {
  const url = document.querySelector<HTMLMetaElement>('meta[name="hp-map-tiles"]')?.content;
  return url && url !== 'none' ? url : undefined;
}

/**
 * A Leaflet map of suppliers (clustered) and industrial zones. Without reachable tiles it still
 * shows every marker on a plain background, and says so.
 */
export function MapView({
  points,
  label,
  noTilesText,
  onOpen,
  onPick,
}: {
  points: MapPoint[];
  label: string;
  noTilesText: string;
  onOpen?: (href: string) => void;
  onPick?: (latitude: number, longitude: number) => void;
}) {
  const container = useRef<HTMLDivElement>(null);
  const [tilesFailed, setTilesFailed] = useState(!tileUrl());
  useEffect(() => {
    if (!container.current) return;
    let cancelled = false;
    const map = L.map(container.current, { center: CENTRE, zoom: 9, minZoom: 5, maxZoom: 18, attributionControl: true });
    // A click on the map picks a point (e.g. a need's delivery point).
    if (onPick)
      map.on('click', (event: L.LeafletMouseEvent) => onPick(Number(event.latlng.lat.toFixed(5)), Number(event.latlng.lng.toFixed(5))));
    const url = tileUrl();
    if (url) {
      const tiles = L.tileLayer(url, { maxZoom: 18, attribution: '© OpenStreetMap' });
      tiles.on('tileerror', () => setTilesFailed(true));
      tiles.addTo(map);
    }
    void (async () => {
      // The cluster plugin extends the global L.
      (globalThis as unknown as { L: typeof L }).L = L;
      await import('leaflet.markercluster');
      if (cancelled) return;
      const cluster = L.markerClusterGroup({ showCoverageOnHover: false });
      const bounds: L.LatLngTuple[] = [];
      for (const point of points) {
        const position: L.LatLngTuple = [point.latitude, point.longitude];
        bounds.push(position);
        const marker = L.marker(position, {
          title: point.label,
          alt: point.label,
          keyboard: true,
          icon: L.divIcon({
            className: point.kind === 'zone' ? classes.zone : classes.supplier,
            iconSize: point.kind === 'zone' ? [18, 18] : [14, 14],
          }),
        });
        marker.bindTooltip(point.label);
        if (point.href && onOpen) marker.on('click keypress', () => onOpen(point.href!));
        if (point.kind === 'zone') marker.addTo(map);
        else cluster.addLayer(marker);
      }
      map.addLayer(cluster);
      // no animation: a map removed mid-animation (the page left or re-rendered) makes Leaflet throw `_leaflet_pos`
      if (bounds.length > 1) map.fitBounds(bounds, { padding: [24, 24], maxZoom: 13, animate: false });
      else if (bounds.length === 1) map.setView(bounds[0]!, 12, { animate: false });
    })();
    return () => {
      cancelled = true;
      map.remove();
    };
  }, [points, onOpen, onPick]);
  return (
    <Box>
      {tilesFailed && (
        <Alert color="gray" variant="light" mb="xs">
          {noTilesText}
        </Alert>
      )}
      <div ref={container} className={classes.map} role="region" aria-label={label} data-testid="map" data-markers={points.length} />
    </Box>
  );
}
