/**
 * Title capitalisation against the manuals' own rules and examples: headline style per CMOS 8.159
 * (and 8.161 for hyphenated compounds), sentence style per APA 7 §6.17 / CMOS 8.158.
 */
import { describe, expect, it } from 'vitest';
import { headlineCase, sentenceCase } from '../../../src/lib/research/title-case.ts';

describe('headline case (CMOS 8.159)', () => {
  it('capitalises major words and lowercases articles, prepositions and conjunctions', () => {
    expect(headlineCase('Guangcai punch bowl with figures')).toBe(
      'Guangcai Punch Bowl with Figures',
    );
    // CMOS 8.159's own example: prepositions lowercased regardless of length.
    expect(headlineCase('four theories concerning the gospel according to Matthew')).toBe(
      'Four Theories concerning the Gospel according to Matthew',
    );
  });
  it('capitalises the first and last word, even a preposition or pronoun', () => {
    expect(headlineCase('a river runs through it')).toBe('A River Runs through It');
    expect(headlineCase('the vase we looked at')).toBe('The Vase We Looked At');
  });
  it('capitalises the first word after a colon (the subtitle)', () => {
    expect(headlineCase('Guangcai: the art of export painting')).toBe(
      'Guangcai: The Art of Export Painting',
    );
  });
  it('treats hyphenated compounds per CMOS 8.161', () => {
    expect(headlineCase('blue-and-white porcelain of the Ming')).toBe(
      'Blue-and-White Porcelain of the Ming',
    );
    expect(headlineCase('anti-intellectual pursuits')).toBe('Anti-intellectual Pursuits');
  });
  it('keeps words the record already capitalises inside, and text in parentheses', () => {
    expect(headlineCase('iPhone photographs of the BGW collection')).toBe(
      'iPhone Photographs of the BGW Collection',
    );
    expect(headlineCase('Landscape after Dong Qichang (1555–1636)')).toBe(
      'Landscape after Dong Qichang (1555–1636)',
    );
  });
  it('leaves Chinese titles alone', () => {
    expect(headlineCase('广彩人物纹大碗')).toBe('广彩人物纹大碗');
  });
});

describe('sentence case (APA 7 §6.17)', () => {
  it('capitalises the first word and the first word after a colon, nothing else', () => {
    expect(sentenceCase('colours of the southern seas: export porcelain from Guangzhou')).toBe(
      'Colours of the southern seas: Export porcelain from Guangzhou',
    );
  });
  it('keeps proper nouns as the record writes them', () => {
    expect(sentenceCase('Landscape after Dong Qichang (1555–1636)')).toBe(
      'Landscape after Dong Qichang (1555–1636)',
    );
  });
});
