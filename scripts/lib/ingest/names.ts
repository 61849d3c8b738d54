// URL-safe output names. Chinese characters become pinyin, everything else ASCII-folded; a short
// hash keeps names stable and unique when nothing readable is left.
import { createHash } from 'node:crypto';
import { pinyin } from 'pinyin-pro';

const HAN = /\p{Script=Han}/u;

/** Turn any file or folder name into a lowercase ASCII slug (`[a-z0-9-]`). */
export function urlSafeName(name: string): string {
  const normalised = name.normalize('NFKC');
  const romanised = HAN.test(normalised)
    ? pinyin(normalised, { toneType: 'none', type: 'array', nonZh: 'consecutive' }).join('-')
    : normalised;
  const slug = romanised
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/g, '');
  return slug || `f-${createHash('sha256').update(name).digest('hex').slice(0, 8)}`;
}

/**
 * Output stems for every master of one record: the relative path without extension, slugged.
 * Collisions (`a.jpg` and `a.png`, or `a b.jpg` and `a-b.jpg`) get the extension, then a hash.
 */
export function assignStems(relPaths: readonly string[]): Map<string, string> {
  const stems = new Map<string, string>();
  const used = new Set<string>();
  for (const rel of [...relPaths].sort()) {
    const dot = rel.lastIndexOf('.');
    const base = dot > rel.lastIndexOf('/') ? rel.slice(0, dot) : rel;
    const ext = dot > rel.lastIndexOf('/') ? rel.slice(dot + 1) : '';
    const candidates = [
      urlSafeName(base.replaceAll('/', '-')),
      urlSafeName(`${base.replaceAll('/', '-')}-${ext}`),
      `${urlSafeName(base.replaceAll('/', '-'))}-${createHash('sha256').update(rel).digest('hex').slice(0, 8)}`,
    ];
    const stem = candidates.find((c) => !used.has(c)) ?? candidates[2]!;
    used.add(stem);
    stems.set(rel, stem);
  }
  return stems;
}
