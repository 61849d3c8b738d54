// Static IIIF Image API 3 level-0 tiles (sharp/libvips `tile({ layout: 'iiif3' })`).
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Sharp } from 'sharp';
import { replaceDirAtomic, tempPathFor } from './atomic-write.ts';
import { addFullSizes } from './iiif-info.ts';
import type { ImageSettings } from './settings.ts';

/**
 * Cut tiles and info.json into `target` (a folder named `iiif`). The service id is
 * `${idBase}/iiif`, absolute, so viewers can resolve tiles from anywhere. The largest tiles are
 * the source's own pixels (scale factor 1), never enlarged; `info.json` also lists whole-image
 * `sizes` with their files (see iiif-info.ts). The pyramid is built in a temporary sibling folder
 * and swapped in with renames.
 */
export async function makeIiifTiles(
  image: Sharp,
  target: string,
  idBase: string,
  settings: Pick<ImageSettings, 'iiifTileSize' | 'iiifQuality'>,
): Promise<void> {
  const tmpParent = tempPathFor(target);
  await mkdir(tmpParent, { recursive: true });
  try {
    const built = join(tmpParent, 'iiif');
    const source = image.clone();
    await image
      .jpeg({ quality: settings.iiifQuality })
      .tile({ size: settings.iiifTileSize, layout: 'iiif3', id: idBase })
      .toFile(built);
    await rm(join(built, 'vips-properties.xml'), { force: true });
    await addFullSizes(source, built, settings.iiifQuality);
    await replaceDirAtomic(built, target);
  } finally {
    await rm(tmpParent, { recursive: true, force: true });
  }
}
