/**
 * China's national representative list of intangible cultural heritage, craft categories only
 * (传统美术 VII, 传统技艺 VIII), copied from shared/data/ich (facts from the State Council /
 * Ministry of Culture and Tourism announcements, batches 1–5, 2006–2021).
 */
import items from '../data/ich/items.json' with { type: 'json' };

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

/** Batch years of the national list, by batch number. */
export const heritageBatchYears: Record<number, number> = {
  1: 2006,
  2: 2008,
  3: 2011,
  4: 2014,
  5: 2021,
};
