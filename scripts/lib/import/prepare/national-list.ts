/**
 * Preparer `national-list`: rows of the national list of intangible cultural heritage — regional
 * entries (`rows: "entries"`) or national representative inheritors (`rows: "inheritors"`) —
 * joined with the list's items and regional entries (src/data/ich) and with the craft records
 * already in the archive.
 *
 * A row belongs to the craft records that hold its item: a record made by the item import
 * (`wholeItem`, mapping `ich`) stands for the whole item; a hand-written record stands for the
 * entries its `heritage` listings name (`剪纸(广东剪纸)` is not every paper-cut of China). A row no
 * record holds is explained by the item import's own scope rule (`scope`, a map shared with
 * `ich.json`): skipped when the rule leaves the item out (food, drink, building …), rejected when
 * the item should be in the archive but no record holds it.
 *
 * Options: `rows`, `scope` (a rules map), `wholeItem` (mapping name), `names` (a values map of
 * romanised names that the general rule gets wrong: `{ "包金山": { "en": …, "pinyin": … } }`).
 */
import {
  findHeritageItem,
  findRegionalEntry,
  type RegionalEntry,
} from '../../../../src/lib/records/ich.ts';
import { romaniseName, splitListedName } from '../../../../src/lib/records/person-names.ts';
import { vocabularies } from '../../../../src/lib/records/vocabularies.ts';
import { matchRules, SkipError } from '../build.ts';
import { placeOfListing } from '../places.ts';
import type { ExistingRecord } from '../registry.ts';
import type { Row, SourceRow } from '../source.ts';
import { NOTE, RECORDS, REJECTED, SKIPPED, type PrepareContext, type Preparer } from './rows.ts';

interface Options {
  rows: 'entries' | 'inheritors';
  scope: string;
  wholeItem?: string | undefined;
  names?: string | undefined;
}

/** One craft record as the join sees it. */
interface CraftHolder {
  id: string;
  folder: string;
  /** Made by the item import: holds every entry of its items. */
  whole: boolean;
  /** Listed names of its `heritage` entries, by item code. */
  names: Map<string, Set<string>>;
}

/** Names compared as the list writes them inconsistently: full- or half-width brackets, spaces. */
const sameName = (name: string) =>
  name.replace(/（/g, '(').replace(/）/g, ')').replace(/\s+/g, '').trim();

function readOptions(context: PrepareContext): Options {
  const o: Record<string, unknown> = context.mapping.prepare ?? {};
  const rows = o['rows'];
  const scope = o['scope'];
  if ((rows !== 'entries' && rows !== 'inheritors') || typeof scope !== 'string') {
    throw new Error(
      `mapping "${context.mapping.name}": prepare "national-list" needs "rows" ("entries" or "inheritors") and "scope" (a rules map)`,
    );
  }
  const text = (key: string) => {
    const value = o[key];
    return typeof value === 'string' ? value : undefined;
  };
  return { rows, scope, wholeItem: text('wholeItem'), names: text('names') };
}

/** Craft records by the item codes they list. */
function craftHolders(records: ExistingRecord[], wholeItem?: string): Map<string, CraftHolder[]> {
  const byCode = new Map<string, CraftHolder[]>();
  for (const record of records) {
    if (record.collection !== 'crafts' || !record.data || !record.id) continue;
    const imported = record.data['imported'] as { mapping?: string } | undefined;
    const holder: CraftHolder = {
      id: record.id,
      folder: record.folder,
      whole: wholeItem !== undefined && imported?.mapping === wholeItem,
      names: new Map(),
    };
    const listings = (record.data['heritage'] ?? []) as { code?: unknown; name?: unknown }[];
    for (const listing of listings) {
      if (typeof listing.code !== 'string') continue;
      const names = holder.names.get(listing.code) ?? new Set<string>();
      if (typeof listing.name === 'string') names.add(sameName(listing.name));
      holder.names.set(listing.code, names);
    }
    for (const code of holder.names.keys()) byCode.set(code, [...(byCode.get(code) ?? []), holder]);
  }
  return byCode;
}

type Join = { ids: string[] } | { skip: string } | { reject: string };

/** The craft records holding entry `name` of item `code`, or why there are none. */
function joinCrafts(
  code: string,
  name: string,
  holders: Map<string, CraftHolder[]>,
  scope: (itemName: string) => void,
): Join {
  const item = findHeritageItem(code);
  if (!item) {
    return {
      reject: `"${code}" is not an item of the national list's craft categories / 不是名录中传统美术、传统技艺的项目`,
    };
  }
  const candidates = holders.get(code) ?? [];
  const ids = candidates
    .filter((h) => h.whole || h.names.get(code)?.has(sameName(name)))
    .map((h) => h.id);
  if (ids.length > 0) return { ids };
  try {
    scope(item.name);
  } catch (error) {
    if (error instanceof SkipError) return { skip: error.message };
    return { reject: (error as Error).message };
  }
  if (candidates.length > 0) {
    const held = candidates
      .map((h) => `${h.folder}: ${[...(h.names.get(code) ?? [])].join('、')}`)
      .join('; ');
    return {
      skip: `the archive's craft records for ${code} ${item.name} hold other entries only (${held}); ${name} is not in the archive / 档案中该项目的技艺记录只收录其他子项`,
    };
  }
  return {
    reject: `no craft record in the archive holds ${code} ${item.name} (the item import, --map ich, says why) / 档案中没有该项目的技艺记录`,
  };
}

/** The record IDs a join gives, or the row flagged with its reason. */
function flagged(data: Row, join: Join, field: string): string[] | undefined {
  if ('ids' in join) return join.ids;
  if ('skip' in join) data[SKIPPED] = { field, reason: join.skip };
  else data[REJECTED] = { field, reason: join.reject };
  return undefined;
}

const text = (row: Row, column: string) => {
  const value = row[column];
  return typeof value === 'string' ? value.trim() : '';
};

function prepareEntry(
  row: Row,
  holders: Map<string, CraftHolder[]>,
  scope: (name: string) => void,
) {
  const ids = flagged(
    row,
    joinCrafts(text(row, 'code'), text(row, 'name'), holders, scope),
    'code',
  );
  if (!ids) return;
  row[RECORDS] = ids;
  const region = placeOfListing(
    text(row, 'region'),
    text(row, 'province'),
    text(row, 'county_code'),
  );
  if (region) row['_region'] = region;
}

/** The regional entry an inheritor row names, checked against its item code. */
function inheritorEntry(row: Row): { entry?: RegionalEntry; reject?: string; note?: string } {
  const entryNo = text(row, 'entry_no');
  const code = text(row, 'project_code');
  const entry = entryNo ? findRegionalEntry(entryNo) : undefined;
  if (entry && entry.code !== code) {
    return {
      reject: `regional entry ${entryNo} is ${entry.code} ${entry.name}, but the row names item ${code} (${text(row, 'project_name')}): the list contradicts itself, so the person is not linked to either / 地区子项编号与项目编号不一致`,
    };
  }
  if (!entry) {
    return {
      note: `regional entry "${entryNo}" is not on the list of regional entries: imported with the item ${code} only / 地区子项编号不在名录中，仅按项目编号关联`,
    };
  }
  return { entry };
}

function prepareInheritor(
  row: Row,
  holders: Map<string, CraftHolder[]>,
  scope: (name: string) => void,
  names: Record<string, unknown>,
) {
  const joined = inheritorEntry(row);
  if (joined.reject) {
    row[REJECTED] = { field: 'entry_no', reason: joined.reject };
    return;
  }
  const code = text(row, 'project_code');
  const listedName = joined.entry?.name ?? text(row, 'project_name');
  const ids = flagged(row, joinCrafts(code, listedName, holders, scope), 'project_code');
  if (!ids) return;
  row['_crafts'] = ids;
  row['_heritageName'] = sameName(listedName);
  if (joined.entry) row['_entry'] = joined.entry.entry;
  if (joined.note) row[NOTE] = joined.note;

  const ethnicity = text(row, 'ethnicity');
  const group = vocabularies.ethnicGroups.find((g) => g.zh === ethnicity);
  if (ethnicity && !group) {
    row[REJECTED] = {
      field: 'ethnicity',
      reason: `"${ethnicity}" is not an ethnic group of GB/T 3304 (src/data/vocabularies/ethnic-groups.json) / 不是 GB/T 3304 中的民族名称`,
    };
    return;
  }
  if (group) row['_ethnicGroup'] = group.key;
  const listed = splitListedName(text(row, 'name'));
  const known = names[listed.name] as { en?: string; pinyin?: string } | undefined;
  const romanised =
    known?.en && known.pinyin
      ? { en: known.en, pinyin: known.pinyin }
      : romaniseName(listed.name, group?.key);
  row['_name'] = { zh: listed.name, ...romanised };
  if (listed.other.length > 0) row['_otherNames'] = listed.other;
  const region = placeOfListing(
    text(row, 'region'),
    text(row, 'province'),
    text(row, 'county_code'),
  );
  if (region) row['_region'] = region;
}

export const prepareNationalList: Preparer = (rows: SourceRow[], context: PrepareContext) => {
  const options = readOptions(context);
  const holders = craftHolders(context.records, options.wholeItem);
  const rules = context.mapping.maps[options.scope];
  if (!rules || !('rules' in rules))
    throw new Error(
      `mapping "${context.mapping.name}": scope map "${options.scope}" must have "rules"`,
    );
  const scope = (itemName: string) => void matchRules(rules.rules, itemName, false, options.scope);
  const namesMap = options.names ? context.mapping.maps[options.names] : undefined;
  const names = namesMap && 'values' in namesMap ? namesMap.values : {};
  return rows.map((source) => {
    const row = { ...source, data: { ...source.data } };
    if (options.rows === 'entries') prepareEntry(row.data, holders, scope);
    else prepareInheritor(row.data, holders, scope, names);
    return row;
  });
};
