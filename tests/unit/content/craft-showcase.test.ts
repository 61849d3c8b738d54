import { describe, expect, it } from 'vitest';
import { craftShowcase, type ShowcaseWork } from '../../../src/lib/site/craft-showcase.ts';

const work = (id: string, over: Partial<ShowcaseWork> = {}): ShowcaseWork & { id: string } => ({
  id,
  category: 'lacquer',
  materials: ['lacquer'],
  techniques: [],
  photographed: false,
  ...over,
});
const craft = {
  id: 'BGC-000018',
  category: 'lacquer',
  materials: ['lacquer', 'wood'],
  relatedWorks: ['BGW-000014'],
};

describe('craftShowcase', () => {
  it('leads with the first photographed work of the craft, its works photographed first', () => {
    const works = [
      work('BGW-000014'),
      work('BGW-001339', { techniques: ['BGC-000018'], photographed: true }),
      work('BGW-001341', { techniques: ['BGC-000018'], photographed: true }),
      work('BGW-000500', { photographed: true }),
    ];
    const { lead, works: own, sameCategory } = craftShowcase(craft, works);
    expect(lead?.id).toBe('BGW-001339');
    expect(own.map((w) => w.id)).toEqual(['BGW-001339', 'BGW-001341', 'BGW-000014']);
    expect(sameCategory).toEqual([]);
  });

  it('without a photograph of its own, shows photographs of its category, most shared materials first', () => {
    const works = [
      work('BGW-000014'),
      work('BGW-000600', { photographed: true, materials: ['lacquer', 'wood'] }),
      work('BGW-000500', { photographed: true }),
      work('BGW-000700', { photographed: true, category: 'carving', materials: ['wood'] }),
      work('BGW-000800', { category: 'lacquer' }),
    ];
    const { lead, sameCategory } = craftShowcase(craft, works);
    expect(lead).toBeUndefined();
    expect(sameCategory.map((w) => w.id)).toEqual(['BGW-000600', 'BGW-000500']);
  });

  it('shows nothing it does not have', () => {
    expect(craftShowcase(craft, [work('BGW-000900', { category: 'paper' })])).toEqual({
      works: [],
      lead: undefined,
      sameCategory: [],
    });
  });
});
