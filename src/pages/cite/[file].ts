/**
 * `/cite/<ID>.<lang>.<bib|ris|json>`: citation downloads (BibTeX, RIS, CSL-JSON) of every record in
 * both languages. The access date is the build date; the page's script offers the same files with
 * the reader's own date.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import {
  citationFile,
  citationFileName,
  citationInput,
  fileFormats,
  fileTypes,
  type FileFormat,
} from '../../lib/citations.ts';
import { languages, type Lang } from '../../lib/i18n.ts';
import type { AnyRecordRef } from '../../lib/record-ref.ts';
import { allRefs, siteUrl } from '../../lib/research-site.ts';

export const getStaticPaths = (async () =>
  (await allRefs()).flatMap((ref) =>
    languages.flatMap((lang) =>
      fileFormats.map((format) => ({
        params: { file: citationFileName(ref.data.id, lang, format) },
        props: { ref, lang, format },
      })),
    ),
  )) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props, site }) => {
  const { ref, lang, format } = props as { ref: AnyRecordRef; lang: Lang; format: FileFormat };
  const input = citationInput(ref, lang, siteUrl(site), new Date());
  return new Response(citationFile(input, format), {
    headers: {
      'Content-Type': fileTypes[format].type,
      'Content-Disposition': `attachment; filename="${citationFileName(input.id, lang, format)}"`,
    },
  });
};
