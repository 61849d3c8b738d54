/** `npm run check` on the thesaurus's sources: the pages link a source's url, so it must be a web address. */
import { describe, expect, it } from 'vitest';
import { thesaurusProblems } from '../../../scripts/lib/thesaurus-check.ts';
import { THESAURUS_SOURCES } from '../../../src/lib/thesaurus/index.ts';

describe('thesaurus check of sources', () => {
  it('accepts the project’s sources', () => {
    expect(thesaurusProblems().filter((p) => p.file?.endsWith('sources.json'))).toEqual([]);
  });

  it('names the source whose url is not a web address', () => {
    const bad = { id: 'bad', zh: '坏出处', en: 'A bad source', url: 'java\tscript:alert(1)' };
    const problems = thesaurusProblems(undefined, undefined, [...THESAURUS_SOURCES, bad]);
    expect(problems).toContainEqual(
      expect.objectContaining({ file: 'src/data/thesaurus/sources.json', field: 'bad.url' }),
    );
  });
});
