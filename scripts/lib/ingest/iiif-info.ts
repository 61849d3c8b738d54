// What libvips leaves out of a static IIIF Image API 3 `info.json`: the `sizes` of whole-image
// downloads (with the files behind them) and the image's `rights`.
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Sharp } from 'sharp';
import { iiifRights } from '../../../src/lib/research/iiif.ts';
import type { MediaEntry } from '../../../src/lib/records/media-manifest.ts';
import { refImages } from '../../../src/lib/records/record-ref.ts';
import { findTerm } from '../../../src/lib/records/vocabularies.ts';
import { loadRecords } from '../content.ts';
import { writeFileAtomic } from './atomic-write.ts';

/** The parts of an Image API 3 `info.json` this module reads or writes. */
export interface IiifInfo {
  width: number;
  height: number;
  tiles?: { width: number; height?: number; scaleFactors: number[] }[];
  sizes?: { width: number; height: number }[];
  rights?: string;
  [key: string]: unknown;
}

/**
 * Whole-image sizes a level-0 service can offer, one per tile scale factor above 1, as Image API 3
 * computes a scaled size (rounding up). Never the full size: that is what the tiles are for, and
 * never more than the image, so nothing is upsampled.
 */
export function fullSizes(info: IiifInfo): { width: number; height: number }[] {
  const factors = [...new Set((info.tiles ?? []).flatMap((t) => t.scaleFactors))]
    .filter((f) => f > 1)
    .sort((a, b) => b - a);
  return factors.map((f) => ({
    width: Math.ceil(info.width / f),
    height: Math.ceil(info.height / f),
  }));
}

/**
 * Writes `full/<w>,<h>/0/default.jpg` for every size of {@link fullSizes} under the tile folder
 * `dir` and lists them as `sizes` in its `info.json`, smallest first, so viewers that show a
 * whole image (thumbnails, mirador's gallery) ask for a file that exists. `image` is the source the
 * tiles were cut from.
 */
export async function addFullSizes(image: Sharp, dir: string, quality: number): Promise<void> {
  const infoFile = join(dir, 'info.json');
  const info = JSON.parse(await readFile(infoFile, 'utf8')) as IiifInfo;
  const sizes = fullSizes(info);
  for (const size of sizes) {
    const folder = join(dir, 'full', `${size.width},${size.height}`, '0');
    await mkdir(folder, { recursive: true });
    const bytes = await image
      .clone()
      .resize(size.width, size.height, { fit: 'fill', kernel: 'lanczos3' })
      .jpeg({ quality })
      .toBuffer();
    await writeFileAtomic(join(folder, 'default.jpg'), bytes);
  }
  await writeInfo(infoFile, { ...info, sizes });
}

/** The `rights` URI IIIF allows for a license key (Creative Commons or RightsStatements.org). */
export function rightsFor(licenseKey: string | undefined): string | undefined {
  return licenseKey ? iiifRights(findTerm('licenses', licenseKey)?.url) : undefined;
}

/**
 * Sets (or removes) `rights` in an `info.json`, rewriting the file only when it changes. Run on
 * every ingest, because the license lives in the record and changes without the master changing.
 * Returns whether the file was rewritten.
 */
export async function stampRights(infoFile: string, rights: string | undefined): Promise<boolean> {
  let text: string;
  try {
    text = await readFile(infoFile, 'utf8');
  } catch {
    return false; // no tiles (yet): nothing to stamp
  }
  const info = JSON.parse(text) as IiifInfo;
  if (info.rights === rights) return false;
  const rest = { ...info };
  delete rest.rights;
  await writeInfo(infoFile, rights ? { ...rest, rights } : rest);
  return true;
}

async function writeInfo(infoFile: string, info: IiifInfo): Promise<void> {
  await writeFileAtomic(infoFile, `${JSON.stringify(info, null, 2)}\n`);
}

/** License key of every image a record lists, by media key `<collection>/<slug>/<file>`. */
export function imageLicenses(root: string, contentDir: string): Map<string, string> {
  const licenses = new Map<string, string>();
  for (const ref of loadRecords(root, contentDir).records) {
    for (const img of refImages(ref)) {
      licenses.set(`${ref.collection}/${ref.slug}/${img.file}`, img.rights.license);
    }
  }
  return licenses;
}

/**
 * Stamps each image's current `rights` into the `info.json` of its tiles (`outDir` holds what
 * `/media/` serves). Returns the media keys whose file changed.
 */
export async function stampIiifRights(
  items: Record<string, MediaEntry>,
  licenses: Map<string, string>,
  outDir: string,
): Promise<string[]> {
  const changed: string[] = [];
  for (const [key, entry] of Object.entries(items)) {
    if (entry.kind !== 'image' || !entry.iiif) continue;
    const infoFile = join(outDir, ...entry.iiif.info.replace(/^\/media\//, '').split('/'));
    if (await stampRights(infoFile, rightsFor(licenses.get(key)))) changed.push(key);
  }
  return changed;
}
