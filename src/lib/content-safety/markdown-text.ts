/**
 * Text from elsewhere (an imported source value) written into a Markdown body so that it reads
 * as the same text and nothing else: no HTML, no links or images, no emphasis, no new blocks.
 * Pure.
 */

/** Characters that start Markdown or HTML markup anywhere in a line. */
const inlineMarkup = /[\\`*_[\]<>&~]/g;

/** What turns the start of a line into a heading, list, quote or rule. */
const blockMarker = /^(\s*)([-+=#]|\d{1,9}(?=[.)](?:\s|$)))/;

/** `value` as Markdown text: markup characters escaped, line breaks folded into spaces. */
export function escapeMarkdownText(value: string): string {
  return value
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .replace(inlineMarkup, (char) => `\\${char}`)
    .replace(blockMarker, (_, space: string, marker: string) =>
      /^\d/.test(marker) ? `${space}${marker}\\` : `${space}\\${marker}`,
    );
}
