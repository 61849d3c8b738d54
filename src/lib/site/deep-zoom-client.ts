/**
 * The deep-zoom viewer's loading, shared by the zoom on a record page (DeepZoom.astro) and the
 * comparison view: OpenSeadragon (bundled with the site, fetched once, only when asked for) and a
 * IIIF info.json rewritten to this origin, so tiles load wherever the site is served.
 * Pure in the build’s sense (no content, files or build environment); in the browser it fetches.
 */
export type Osd = typeof import('openseadragon');
export type OsdViewer = InstanceType<Osd['Viewer']>;
export type OsdTileSources = NonNullable<NonNullable<Parameters<Osd>[0]>['tileSources']>;

let library: Promise<Osd> | undefined;

/** OpenSeadragon, fetched on first use. */
export function loadOpenSeadragon(): Promise<Osd> {
  return (library ??= import('openseadragon').then((m) => (m.default ?? m) as Osd));
}

/** A parsed info.json whose `id` names this origin (OpenSeadragon accepts it as a tile source). */
export async function tileSource(infoUrl: string): Promise<OsdTileSources> {
  const absolute = new URL(infoUrl, window.location.href);
  const response = await fetch(absolute);
  if (!response.ok) throw new Error(`${absolute.href}: ${String(response.status)}`);
  const info = (await response.json()) as Record<string, unknown>;
  const id = absolute.href.replace(/\/info\.json$/, '');
  return [{ ...info, id, '@id': id }] as unknown as OsdTileSources;
}
