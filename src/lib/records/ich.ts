/**
 * China's national representative list of intangible cultural heritage, craft categories only
 * (传统美术 VII, 传统技艺 VIII), copied from shared/data/ich (facts from the State Council /
 * Ministry of Culture and Tourism announcements, batches 1–5, 2006–2021): its items and their
 * regional entries.
 * Pure: the list is bundled JSON.
 */
import items from '../../data/ich/items.json' with { type: 'json' };
import entries from '../../data/ich/regional-entries.json' with { type: 'json' };

export interface HeritageItem {
  /** List code such as `VIII-97`. */
  code: string;
  /** Item name as listed. */
  name: string;
  /** 传统美术 or 传统技艺. */
  category: string;
  firstBatch: number;
  lastBatch: number;
  firstYear: number;
  provinces: string[];
  regionalEntries: number;
}

const byCode = new Map<string, HeritageItem>(items.map((item) => [item.code, item]));

export const heritageItems: HeritageItem[] = items;

export function findHeritageItem(code: string): HeritageItem | undefined {
  return byCode.get(code);
}

/** A regional entry (地区子项) of the list: one region's (or unit's) listing of an item. */
export interface RegionalEntry {
  /** Entry number, e.g. `VII-001_01_120000` (item, batch, region code). */
  entry: string;
  /** Item code, e.g. `VII-1`. */
  code: string;
  /** Name of the entry as listed, e.g. `粤绣(潮绣)`. */
  name: string;
  category: string;
  batch: number;
  year: number;
  /** `new`: the item's first listing; `extension`: a later region added to a listed item (扩展). */
  type: string;
  /** The declaring region or unit (申报地区或单位), as listed. */
  region: string;
  /** Province as listed (`中直单位` for bodies under the central government). */
  province: string;
  /** GB/T 2260 code of the county, where the list gives one. */
  countyCode?: string;
  /** Protection unit (保护单位), as listed. */
  protectionUnit?: string;
}

export const regionalEntries: RegionalEntry[] = entries;

// The list has a few entry numbers twice (a data defect): the first row is the entry.
const entryByNumber = new Map<string, RegionalEntry>();
for (const entry of regionalEntries)
  if (!entryByNumber.has(entry.entry)) entryByNumber.set(entry.entry, entry);

/** The regional entry with this entry number, if the list has it. */
export function findRegionalEntry(entryNo: string): RegionalEntry | undefined {
  return entryByNumber.get(entryNo);
}

/** Batch years of the national list, by batch number. */
export const heritageBatchYears: Record<number, number> = {
  1: 2006,
  2: 2008,
  3: 2011,
  4: 2014,
  5: 2021,
};
