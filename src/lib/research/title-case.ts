/**
 * Capitalisation of English titles for citations. Records store English titles in sentence case
 * ("Guangcai punch bowl with figures"); the styles want:
 * - sentence style (APA 7 §6.17, CMOS 8.158, and bracketed translations, CMOS 14.98): the first
 *   word of the title and of a subtitle capitalised, everything else as written (proper nouns are
 *   already capitalised in the record, other words are left alone because only the curator knows
 *   which ones are proper);
 * - headline style (CMOS 8.159, Chicago titles of works in English): every word capitalised except
 *   articles, coordinating conjunctions, prepositions, `to` and `as`, unless first or last in the
 *   title or subtitle; hyphenated compounds per CMOS 8.161.
 * Words that already carry a capital after their first letter (`iPhone`, `BGW`, `McCarthy`) are
 * kept as written. A preposition used as an adverb ("Look Up") should be capitalised (8.159 rule
 * 4) but cannot be told apart from text alone, so it stays lowercase. Pure; used by pages and their
 * scripts.
 */

/** CMOS 8.159 rules 3–6: articles, prepositions, coordinating conjunctions, `to`, `as`. */
const MINOR_WORDS = new Set([
  // articles
  'a',
  'an',
  'the',
  // coordinating conjunctions (rule 5)
  'and',
  'but',
  'for',
  'or',
  'nor',
  // `to` (in any use) and `as` (rule 6)
  'to',
  'as',
  // prepositions, regardless of length (rule 4)
  'about',
  'above',
  'across',
  'after',
  'against',
  'along',
  'amid',
  'among',
  'around',
  'at',
  'before',
  'behind',
  'below',
  'beneath',
  'beside',
  'besides',
  'between',
  'beyond',
  'by',
  'according',
  'concerning',
  'despite',
  'down',
  'during',
  'except',
  'from',
  'in',
  'inside',
  'into',
  'like',
  'near',
  'of',
  'off',
  'on',
  'onto',
  'out',
  'outside',
  'over',
  'past',
  'per',
  'since',
  'through',
  'throughout',
  'till',
  'toward',
  'towards',
  'under',
  'underneath',
  'until',
  'unto',
  'up',
  'upon',
  'via',
  'with',
  'within',
  'without',
  // particles of personal names lowercased in running text (rule 7)
  'de',
  'von',
  'van',
  'der',
  'du',
]);

/** CMOS 8.161 rule 2: prefixes that cannot stand alone leave the next element lowercase. */
const PREFIXES = new Set([
  'anti',
  'co',
  'inter',
  'intra',
  'multi',
  'non',
  'post',
  'pre',
  'pro',
  're',
  'semi',
  'sub',
  'trans',
  'un',
]);

/** Punctuation after which a subtitle (or a new title part) starts. */
const SUBTITLE_BREAK = /[:?!—]$/;

/** Upper-cases the first letter of a word (after any leading punctuation such as `(` or `“`). */
function capitaliseFirst(word: string): string {
  return word.replace(/\p{L}/u, (letter) => letter.toUpperCase());
}

/** The word without leading and trailing punctuation, lower-cased, for the word lists. */
function bare(word: string): string {
  return word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '').toLowerCase();
}

/** Whether the writer capitalised something after the first letter (acronyms, `iPhone`). */
function hasInnerCapital(word: string): boolean {
  const letters = word.replace(/[^\p{L}]/gu, '');
  return /\p{Lu}/u.test(letters.slice(1));
}

/**
 * Sentence style: the first word of the title and of each subtitle (after a colon, question mark,
 * exclamation mark or em dash) gets a capital; every other word is kept as written.
 */
export function sentenceCase(title: string): string {
  const words = title.split(' ');
  return words
    .map((word, i) =>
      i === 0 || SUBTITLE_BREAK.test(words[i - 1] ?? '') ? capitaliseFirst(word) : word,
    )
    .join(' ');
}

/** One element of a hyphenated compound in headline style (CMOS 8.161). */
function headlineCompound(word: string, edge: boolean): string {
  const parts = word.split('-');
  if (parts.length === 1) return headlineWord(word, edge);
  const first = parts[0] ?? '';
  const prefix = PREFIXES.has(bare(first));
  return parts
    .map((part, i) => {
      if (i === 0) return hasInnerCapital(part) ? part : capitaliseFirst(part);
      if (prefix || hasInnerCapital(part)) return part;
      return MINOR_WORDS.has(bare(part)) ? part.toLowerCase() : capitaliseFirst(part);
    })
    .join('-');
}

/** One word in headline style; `edge` is true for the first or last word of a title or subtitle. */
function headlineWord(word: string, edge: boolean): string {
  if (hasInnerCapital(word)) return word;
  if (!edge && MINOR_WORDS.has(bare(word))) return word.toLowerCase();
  return capitaliseFirst(word);
}

/**
 * Headline style (CMOS 8.159): capitalise the first and last words of the title and of any
 * subtitle and all other words except articles, prepositions, coordinating conjunctions, `to` and
 * `as`. Text without Latin letters (a Chinese title) is returned unchanged.
 */
export function headlineCase(title: string): string {
  if (!/[A-Za-z]/.test(title)) return title;
  const words = title.split(' ');
  return words
    .map((word, i) => {
      const first = i === 0 || SUBTITLE_BREAK.test(words[i - 1] ?? '');
      const last = i === words.length - 1 || SUBTITLE_BREAK.test(word);
      return headlineCompound(word, first || last);
    })
    .join(' ');
}
