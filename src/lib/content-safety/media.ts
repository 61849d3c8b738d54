/**
 * Images a record's body may show. Astro copies an image that a body names into `dist/_astro/`
 * as it is, while the ingest checks only the masters outside `_`- and `.`-prefixed folders. So a
 * body may name only a raster image inside the record's own folder and outside hidden folders,
 * which the ingest has checked (and `npm run build` runs the ingest first). SVG is refused: it
 * can hold script, and Astro would publish it untouched.
 * Not pure: looks at the record's files on disk.
 */
import { existsSync, realpathSync } from 'node:fs';
import { posix, relative, resolve, sep } from 'node:path';
import type { Problem } from '../records/problems.ts';

/** Raster formats that both the ingest and Astro's image pipeline take. */
export const bodyImageExtensions = ['jpg', 'jpeg', 'png', 'webp', 'avif', 'gif', 'tif', 'tiff'];

/** An image a body names, with the line that names it. */
export interface BodyImage {
  src: string;
  line: number | undefined;
}

type Refusal = Pick<Problem, 'en' | 'zh' | 'fix'>;

const fixInside =
  "put the image in the record's own folder (not in a folder starting with _ or .) and name it relatively, e.g. detail-1.jpg / 请把图片放在本记录文件夹内（不要放在以 _ 或 . 开头的文件夹中），并用相对路径引用";

function decodePath(src: string): string | undefined {
  try {
    return decodeURIComponent(src);
  } catch {
    return undefined;
  }
}

/** Why a body may not show the image at `src` (as written in the body), or undefined. */
export function bodyImageRefusal(src: string): Refusal | undefined {
  const path = decodePath(src);
  if (
    path === undefined ||
    /^[a-z][a-z0-9+.-]*:/i.test(path) ||
    path.startsWith('/') ||
    // eslint-disable-next-line no-control-regex -- a control character has no place in a path
    /[\\?#\u0000-\u001f]/.test(path)
  ) {
    return {
      en: `the image "${src}" is not a file in the record's folder`,
      zh: `图片 “${src}” 不是本记录文件夹中的文件`,
      fix: fixInside,
    };
  }
  const normal = posix.normalize(path);
  const parts = normal.split('/');
  if (parts[0] === '..' || parts.some((part) => part.startsWith('_') || part.startsWith('.'))) {
    return {
      en: `the image "${src}" is outside the record's folder or in a hidden folder (_ or .), which the media checks skip`,
      zh: `图片 “${src}” 在记录文件夹之外或在隐藏文件夹（以 _ 或 . 开头）中，未经媒体检查`,
      fix: fixInside,
    };
  }
  const extension = posix.extname(normal).slice(1).toLowerCase();
  if (extension === 'svg') {
    return {
      en: `the image "${src}" is an SVG, which is published as it is and can hold script`,
      zh: `图片 “${src}” 是 SVG，会原样发布且可能含有脚本`,
      fix: 'list the SVG under images: (the ingest checks it and makes a raster copy) and show it with <Figure>, or use a JPEG/PNG / 请在 images 中登记该 SVG 并用 <Figure> 显示，或改用 JPEG/PNG',
    };
  }
  if (!bodyImageExtensions.includes(extension)) {
    return {
      en: `the image "${src}" is not one of ${bodyImageExtensions.join(', ')}`,
      zh: `图片 “${src}” 的格式不受支持`,
      fix: `use a ${bodyImageExtensions.join(', ')} file / 请使用受支持的图片格式`,
    };
  }
  return undefined;
}

/**
 * Problems with the files behind the images a body names: each must exist, and the file it
 * really is (after symbolic links) must pass the same rule inside the record's folder.
 */
export function bodyImageFileProblems(recordDir: string, images: BodyImage[]): Problem[] {
  const base = realpathSync(recordDir);
  return images.flatMap(({ src, line }): Problem[] => {
    if (bodyImageRefusal(src)) return []; // reported by the body check already
    const target = resolve(recordDir, decodeURIComponent(src));
    if (!existsSync(target)) {
      return [
        {
          field: '(body)',
          line,
          en: `the image "${src}" does not exist`,
          zh: `图片 “${src}” 不存在`,
          fix: 'put the file beside the record or correct the name (names are case-sensitive) / 请放入文件或更正文件名（区分大小写）',
        },
      ];
    }
    const real = relative(base, realpathSync(target)).split(sep).join('/');
    const refusal = bodyImageRefusal(real);
    if (!refusal) return [];
    return [
      {
        field: '(body)',
        line,
        en: `the image "${src}" is a link to "${real}": ${refusal.en}`,
        zh: `图片 “${src}” 是指向 “${real}” 的链接：${refusal.zh}`,
        fix: refusal.fix,
      },
    ];
  });
}
