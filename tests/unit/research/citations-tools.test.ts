/**
 * The citation files read by the tools researchers import them with, not by this project's code:
 * citeproc-js with the official CSL styles (APA 7, Chicago 17 notes-bibliography, GB/T 7714-2015)
 * renders the CSL-JSON; citation-js (the RIS and BibTeX readers behind many reference-manager
 * pipelines) and @retorquere/bibtex-parser (Better BibTeX's parser) read the RIS and BibTeX.
 */
import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import { describe, expect, it } from 'vitest';
import {
  apa,
  bibtex,
  chicagoNote,
  citationInput,
  cslItem,
  ris,
  type CitationInput,
} from '../../../src/lib/research/citations.ts';
import { renderCsl, type CslStyle } from '../../fixtures/research/citeproc.ts';
import { allFixtures, SITE, work } from './fixtures.ts';

const accessed = new Date('2026-12-01T00:00:00Z');
const inputs = allFixtures.flatMap((ref) =>
  (['zh', 'en'] as const).map((lang) => citationInput(ref, lang, SITE)),
);
const styles: CslStyle[] = ['apa', 'chicago', 'gbt7714'];

/** How often `needle` occurs in `text`, ignoring case (GB/T 7714 prints Latin names in capitals). */
function occurrences(text: string, needle: string): number {
  return text.toLowerCase().split(needle.toLowerCase()).length - 1;
}

/** One name for the whole site: a literal, or a family name with no given name. */
function isOneName(authors: unknown, name: string): boolean {
  if (!Array.isArray(authors) || authors.length !== 1) return false;
  const [a] = authors as Record<string, unknown>[];
  return a?.['literal'] === name || (a?.['family'] === name && !a?.['given']);
}

/** The quoted title of a Chicago note. */
function quotedTitle(note: string): string {
  return /“([^”]+?)[,.]?”/.exec(note)?.[1] ?? '';
}

describe('CSL-JSON rendered by citeproc-js with the official styles', () => {
  for (const c of inputs) {
    it(`${c.id} (${c.lang}) names the site once, as the author, and gives title and link`, () => {
      for (const style of styles) {
        // GB/T numeric numbers its entries: "[1] ".
        const bibliography = renderCsl(style, cslItem(c)).bibliography.replace(/^\[1\] /, '');
        expect(occurrences(bibliography, c.author), `${style}: ${bibliography}`).toBe(1);
        expect(bibliography.toLowerCase().startsWith(c.author.toLowerCase())).toBe(true);
        expect(bibliography).toContain(c.url);
        // Chicago gives English titles in headline case.
        expect(bibliography.toLowerCase()).toContain(c.title.toLowerCase());
        // No item type or genre leaks into the reference.
        expect(bibliography).not.toMatch(/PhysicalObject|\[Text\]|\[Event\]|Journal/i);
      }
    });
  }

  it('APA from the downloaded file reads exactly as the APA on the page', () => {
    for (const c of inputs) expect(renderCsl('apa', cslItem(c)).bibliography).toBe(apa(c));
  });

  it('Chicago capitalises English titles as the page does (headline case)', () => {
    for (const c of inputs.filter((i) => i.lang === 'en')) {
      const note = renderCsl('chicago', cslItem(c)).citation;
      expect(quotedTitle(note)).toBe(quotedTitle(chicagoNote(c)));
    }
    const subtitle: CitationInput = {
      ...citationInput(work, 'en', SITE),
      title: 'Colours of the southern seas: export porcelain from Guangzhou',
    };
    expect(quotedTitle(renderCsl('chicago', cslItem(subtitle)).citation)).toBe(
      'Colours of the Southern Seas: Export Porcelain from Guangzhou',
    );
    expect(renderCsl('apa', cslItem(subtitle)).bibliography).toContain(
      'Colours of the southern seas: Export porcelain from Guangzhou',
    );
  });

  it('GB/T 7714 prints the reader’s access date, and none when there is no reader', () => {
    const read = renderCsl('gbt7714', cslItem(citationInput(work, 'zh', SITE, accessed)));
    expect(read.bibliography).toContain('[EB/OL]. (2026-11-30)[2026-12-01].');
    const built = renderCsl('gbt7714', cslItem(citationInput(work, 'zh', SITE)));
    expect(built.bibliography).toContain('[EB/OL]. (2026-11-30). ');
  });
});

describe('RIS read by citation-js', () => {
  for (const c of inputs) {
    it(`${c.id} (${c.lang}) imports as a web page with one corporate author`, () => {
      const [item] = new Cite(ris(c)).data;
      expect(isOneName(item?.['author'], c.author), JSON.stringify(item?.['author'])).toBe(true);
      expect(item).toMatchObject({
        type: 'webpage',
        title: cslItem(c).title,
        URL: c.url,
        issued: { 'date-parts': [c.modified.split('-').map(Number)] },
      });
      // Nothing repeats the site or lands in the wrong field.
      for (const field of ['publisher', 'container-title', 'collection-title', 'source']) {
        expect(item, field).not.toHaveProperty(field);
      }
      expect(item).not.toHaveProperty('accessed');
    });
  }
});

describe('BibTeX read by citation-js and by Better BibTeX’s parser', () => {
  for (const c of inputs) {
    it(`${c.id} (${c.lang}) imports as a web page with one corporate author`, () => {
      const [item] = new Cite(bibtex(c)).data;
      expect(isOneName(item?.['author'], c.author), JSON.stringify(item?.['author'])).toBe(true);
      expect(item).toMatchObject({
        type: 'webpage',
        title: c.title,
        URL: c.url,
        issued: { 'date-parts': [c.modified.split('-').map(Number)] },
      });
      expect(item).not.toHaveProperty('accessed');

      const parsed = parseBibtex(bibtex(c));
      expect(parsed.errors).toEqual([]);
      const [entry] = parsed.entries;
      expect(entry?.type).toBe('online');
      expect(entry?.fields['author']).toEqual([{ name: c.author }]);
      expect(entry?.fields['url']).toBe(c.url);
      // One address, not `url` plus `howpublished = {\url{…}}` (printed twice by biblatex).
      expect(Object.keys(entry?.fields ?? {})).not.toContain('howpublished');
      if (c.translatedTitle) {
        expect(entry?.fields['titleaddon']).toBe(`[${c.translatedTitle}]`);
      }
    });
  }
  it('keeps a double hyphen as two hyphens (TeX would make it an en dash)', () => {
    const c = { ...citationInput(work, 'en', SITE), title: 'Landscape (1555--1636)' };
    expect(parseBibtex(bibtex(c)).entries[0]?.fields['title']).toBe('Landscape (1555--1636)');
  });
});
