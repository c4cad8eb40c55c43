import 'leaflet/dist/leaflet.css';
import './community-map.css';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import L from 'leaflet';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
// The 35 comuni of the two Ambiti (ISTAT boundaries, CC-BY 4.0; db/reference/README.md), shipped
// with the map's chunk: the base layer needs nothing from the internet.
import boundariesText from '../../../../db/reference/ambiti_comuni.geojson?raw';
import { CheckboxField } from '../../ui/fields.js';
import {
  type MapPopupTexts,
  markerElement,
  markerSize,
  popupElement,
  type TMapMunicipality,
} from './map-popup.js';

type ComuneProperties = { comune: string; istat_code: string; ambito: string };
const BOUNDARIES = JSON.parse(boundariesText) as FeatureCollection<Geometry, ComuneProperties>;

/** One colour per Ambito (by name, in a fixed order), each with at least 3:1 against white. */
const DISTRICT_COLOURS = ['#0b5ea8', '#9c4400', '#2e7d32', '#6a1b9a'];
export const DISTRICTS = [...new Set(BOUNDARIES.features.map((f) => f.properties.ambito))].sort();
export const districtColour = (name: string) =>
  DISTRICT_COLOURS[Math.max(0, DISTRICTS.indexOf(name)) % DISTRICT_COLOURS.length] as string;

/** OpenStreetMap's tiles: asked for only after the user turns them on (never in tests, never by default). */
const OSM_TILES = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';

export interface CommunityMapProps {
  municipalities: TMapMunicipality[];
  /** One comune chosen in the filters: only its marker is shown, its boundary drawn thicker. */
  highlight?: string | undefined;
  texts: MapPopupTexts;
  kindName: (kind: TMapMunicipality['holders'][number]['kind']) => string;
  formatWhen: (iso: string) => string;
  holderHref: (id: string) => string;
  eventHref: ((id: string) => string) | null;
  open: (href: string) => void;
}

/**
 * The comuni with their holders and events (issue 19, item 3). Supplementary: the list beside it
 * carries the same data. Markers are focusable (Enter opens the popup, whose links go to the
 * holders); the online tiles are an opt-in of this page view only.
 */
export default function CommunityMap(props: CommunityMapProps) {
  const { t } = useTranslation();
  const container = useRef<HTMLElement>(null);
  const mapRef = useRef<L.Map | null>(null);
  const boundaryRef = useRef<L.GeoJSON | null>(null);
  const markersRef = useRef<L.LayerGroup | null>(null);
  const [online, setOnline] = useState(false);
  const hintId = useId();
  const latest = useRef(props);
  latest.current = props;

  // The map and its base layer, once; the texts of Leaflet's own controls in the UI language.
  useEffect(() => {
    if (!container.current) return;
    const map = L.map(container.current, {
      scrollWheelZoom: false,
      zoomControl: false,
      attributionControl: false,
      zoomSnap: 0.25,
    });
    L.control
      .zoom({ zoomInTitle: t('community.map.zoomIn'), zoomOutTitle: t('community.map.zoomOut') })
      .addTo(map);
    L.control
      .attribution({ prefix: 'Leaflet' })
      .addAttribution(t('community.map.boundariesAttribution'))
      .addTo(map);
    const boundary = L.geoJSON(BOUNDARIES, {
      style: (feature) => boundaryStyle(feature, undefined),
      onEachFeature: (feature: Feature<Geometry, ComuneProperties>, layer) =>
        layer.bindTooltip(feature.properties.comune, { sticky: true }),
    }).addTo(map);
    // No animation: a resize while a zoom is still animating left the markers and the boundaries apart.
    const showAllComuni = () => map.fitBounds(boundary.getBounds(), { padding: [8, 8], animate: false });
    showAllComuni();
    // Leaflet measures its box only on window resizes: the stylesheet of this chunk may land after the
    // first measure, and a phone turns; each change of the box is measured again and the comuni refitted.
    let frame = 0;
    const resized = new ResizeObserver(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        map.invalidateSize({ pan: false, animate: false });
        showAllComuni();
      });
    });
    resized.observe(container.current);
    map.on('popupopen', (event) => {
      const popup = event.popup.getElement();
      popup
        ?.querySelector('.leaflet-popup-close-button')
        ?.setAttribute('aria-label', t('community.map.closePopup'));
      // The keyboard lands in the popup it opened (the markers come before it in the page): on its
      // first link, or on the popup itself when it has none.
      const content = popup?.querySelector<HTMLElement>('.community-map-popup');
      (content?.querySelector<HTMLElement>('a') ?? content)?.focus();
      // Leaflet closes a popup on Esc only while the map itself has the focus; inside the popup too.
      popup?.addEventListener('keydown', (key) => {
        if (key.key === 'Escape') map.closePopup();
      });
    });
    boundaryRef.current = boundary;
    markersRef.current = L.layerGroup().addTo(map);
    mapRef.current = map;
    return () => {
      resized.disconnect();
      cancelAnimationFrame(frame);
      map.remove();
      mapRef.current = null;
    };
  }, [t]);

  // The markers: one per comune with holders or events, sized by its holders.
  useEffect(() => {
    const markers = markersRef.current;
    const boundary = boundaryRef.current;
    if (!markers || !boundary) return;
    markers.clearLayers();
    boundary.setStyle((feature) => boundaryStyle(feature, props.highlight));
    // A comune without coordinates from the API is marked at the middle of its boundary.
    const centres = new Map<string, L.LatLng>();
    boundary.eachLayer((layer) => {
      const polygon = layer as L.Polygon;
      const feature = polygon.feature as Feature<Geometry, ComuneProperties> | undefined;
      if (feature) centres.set(feature.properties.istat_code, polygon.getBounds().getCenter());
    });
    for (const municipality of props.municipalities) {
      if (municipality.holders.length === 0 && municipality.events.length === 0) continue;
      if (props.highlight && municipality.istatCode !== props.highlight) continue;
      const at =
        municipality.lat !== null && municipality.lon !== null
          ? L.latLng(municipality.lat, municipality.lon)
          : centres.get(municipality.istatCode);
      if (!at) continue;
      const size = markerSize(municipality.holders.length);
      const icon = L.divIcon({
        className: 'community-marker',
        html: markerElement(municipality, props.texts),
        iconSize: [size, size],
      });
      const marker = L.marker(at, { icon, keyboard: true, riseOnHover: true })
        .bindPopup(() => popupElement({ ...latest.current, municipality }), { maxHeight: 280, minWidth: 200 })
        .addTo(markers);
      // Closed (Esc, its close button), the popup takes the focus with it: give it back to the marker.
      marker.on('popupclose', (event) => {
        const active = document.activeElement;
        if (active === document.body || event.popup.getElement()?.contains(active))
          marker.getElement()?.focus();
      });
    }
  }, [props.municipalities, props.highlight, props.texts]);

  // Online tiles only while the box is ticked.
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !online) return;
    const tiles = L.tileLayer(OSM_TILES, {
      maxZoom: 19,
      attribution: t('community.map.tilesAttribution'),
      // The tile server asks to know which site uses it: the origin only, never the page's address.
      referrerPolicy: 'strict-origin-when-cross-origin',
    }).addTo(map);
    tiles.bringToBack();
    return () => {
      tiles.remove();
    };
  }, [online, t]);

  return (
    <div className="community-map">
      <p id={hintId} className="small mb-2">
        {t('community.map.hint')}
      </p>
      <CheckboxField
        id="community-map-tiles"
        label={t('community.map.onlineTiles')}
        hint={t('community.map.onlineTilesHint')}
        checked={online}
        onChange={(e) => setOnline(e.target.checked)}
      />
      <section
        ref={container}
        className="community-map-canvas"
        aria-label={t('community.map.label')}
        aria-describedby={hintId}
      />
      <ul className="community-map-legend list-unstyled d-flex flex-wrap gap-3 mt-2 mb-0 small">
        {DISTRICTS.map((name) => (
          <li key={name} className="d-flex align-items-center gap-2">
            <span
              className="community-map-swatch"
              aria-hidden="true"
              style={{ borderColor: districtColour(name), backgroundColor: `${districtColour(name)}33` }}
            />
            {t('community.map.district', { name })}
          </li>
        ))}
        <li className="d-flex align-items-center gap-2">
          <span className="community-map-swatch community-map-swatch-marker" aria-hidden="true" />
          {t('community.map.markerLegend')}
        </li>
      </ul>
    </div>
  );
}

function boundaryStyle(
  feature: Feature<Geometry, ComuneProperties> | undefined,
  highlight: string | undefined,
): L.PathOptions {
  const colour = districtColour(feature?.properties.ambito ?? '');
  const chosen = highlight !== undefined && feature?.properties.istat_code === highlight;
  return { color: colour, weight: chosen ? 4 : 1.5, fillColor: colour, fillOpacity: chosen ? 0.35 : 0.15 };
}
