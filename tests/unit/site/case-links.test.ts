import { describe, expect, it } from 'vitest';
import { linkCases } from '../../../src/lib/site/case-links.ts';

const crafts = [
  { id: 'BGC-000001', heritage: ['VII-20'] },
  { id: 'BGC-000002', heritage: ['VIII-45'] },
  { id: 'BGC-000003', heritage: [] },
];
const clusters = [
  { id: 'BGJ-000001', province: '440000', crafts: ['BGC-000002'] },
  { id: 'BGJ-000002', province: '320000', crafts: ['BGC-000002'] },
];

describe('linking cases to crafts, clusters and regions', () => {
  const links = linkCases(
    [
      {
        id: 'BGK-000001',
        province: '440000',
        crafts: [],
        clusters: [],
        heritage: ['VII-20', 'VIII-45'],
      },
      {
        id: 'BGK-000002',
        province: '320000',
        crafts: ['BGC-000003'],
        clusters: ['BGJ-000001'],
        heritage: [undefined],
      },
    ],
    crafts,
    clusters,
  );

  it('links a protection unit to the crafts carrying its heritage codes, and named crafts', () => {
    expect(links.craftsOf.get('BGK-000001')).toEqual(['BGC-000001', 'BGC-000002']);
    expect(links.byCraft.get('BGC-000002')).toEqual(['BGK-000001']);
    expect(links.byCraft.get('BGC-000003')).toEqual(['BGK-000002']);
  });

  it('links a case to named clusters and to clusters of its province sharing a craft', () => {
    expect(links.byCluster.get('BGJ-000001')).toEqual(['BGK-000001', 'BGK-000002']);
    // same craft, other province: no link
    expect(links.byCluster.get('BGJ-000002')).toBeUndefined();
  });

  it('groups cases by province', () => {
    expect(links.byProvince.get('440000')).toEqual(['BGK-000001']);
    expect(links.byProvince.get('320000')).toEqual(['BGK-000002']);
  });
});
