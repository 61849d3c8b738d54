import { describe, expect, it } from 'vitest';
import {
  cleanIds,
  idsFromQuery,
  readSaved,
  shareQuery,
  STORAGE_KEY,
  toggle,
  writeSaved,
} from '../../../src/lib/site/favourites.ts';

function memoryStorage(initial?: string) {
  const data = new Map<string, string>(initial === undefined ? [] : [[STORAGE_KEY, initial]]);
  return {
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
  };
}

describe('favourites', () => {
  it('keeps only valid unique record IDs', () => {
    expect(cleanIds(['BGW-000001', 'BGW-000001', 'nope', 3, 'BGC-000002'])).toEqual([
      'BGW-000001',
      'BGC-000002',
    ]);
  });

  it('round-trips a list through a share link', () => {
    const query = shareQuery(['BGW-000003', 'BGW-000001']);
    expect(query).toBe('?ids=BGW-000003,BGW-000001');
    expect(idsFromQuery(query)).toEqual(['BGW-000003', 'BGW-000001']);
  });

  it('toggles an ID in and out', () => {
    expect(toggle(toggle([], 'BGW-000001'), 'BGW-000001')).toEqual([]);
  });

  it('survives corrupt storage and stores clean lists', () => {
    expect(readSaved(memoryStorage('{not json'))).toEqual([]);
    const storage = memoryStorage();
    writeSaved(storage, ['BGW-000002', 'junk']);
    expect(readSaved(storage)).toEqual(['BGW-000002']);
  });
});
