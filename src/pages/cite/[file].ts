/**
 * `/cite/<ID>.<lang>.<bib|ris|json>`: citation downloads (BibTeX, RIS, CSL-JSON) of every record in
 * both languages. They carry no access date (the build date is not when anyone read the record);
 * the page's script offers the same files with the reader's own date.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import {
  citationFile,
  citationFileName,
  citationInput,
  fileFormats,
  fileTypes,
  type FileFormat,
} from '../../lib/research/citations.ts';
import { languages, type Lang } from '../../lib/site/i18n.ts';
import type { AnyRecordRef } from '../../lib/records/record-ref.ts';
import { allRefs } from '../../lib/site/archive.ts';
import { siteUrl } from '../../lib/research/research-site.ts';
import { ownRecordPaths } from '../../lib/site/build-shard.ts';

export const getStaticPaths = (async () =>
  ownRecordPaths(
    (await allRefs()).flatMap((ref) =>
      languages.flatMap((lang) =>
        fileFormats.map((format) => ({
          params: { file: citationFileName(ref.data.id, lang, format) },
          props: { ref, lang, format },
        })),
      ),
    ),
  )) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props, site }) => {
  const { ref, lang, format } = props as { ref: AnyRecordRef; lang: Lang; format: FileFormat };
  const input = citationInput(ref, lang, siteUrl(site));
  return new Response(citationFile(input, format), {
    headers: {
      'Content-Type': fileTypes[format].type,
      'Content-Disposition': `attachment; filename="${citationFileName(input.id, lang, format)}"`,
    },
  });
};
