/** A small index of works (ID, titles, URLs, thumbnail) for the visitor's collection page. */
import type { APIRoute } from 'astro';
import { allOf } from '../lib/site/archive.ts';
import { imageEntry } from '../lib/site/media-data.ts';
import { derivativeForWidth } from '../lib/records/media-manifest.ts';
import { recordPath } from '../lib/site/urls.ts';

export const GET: APIRoute = async () => {
  const works = await allOf('works');
  const items = works.map((w) => {
    const image = w.data.images.map((img) => imageEntry('works', w.id, img.file)).find(Boolean);
    const thumb = image ? derivativeForWidth(image, 320, 'webp') : undefined;
    return {
      id: w.data.id,
      title: w.data.title,
      url: { zh: recordPath('works', w.id, 'zh'), en: recordPath('works', w.id, 'en') },
      thumbnail: thumb ? { url: thumb.url, width: thumb.width, height: thumb.height } : null,
      alt: w.data.images[0]?.alt ?? null,
    };
  });
  return new Response(JSON.stringify(items), { headers: { 'Content-Type': 'application/json' } });
};
