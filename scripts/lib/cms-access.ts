/**
 * Who may talk to the web editor (`npm run cms`). It writes files that npm later runs, so a web
 * page must not be able to reach it: not another page on this computer (`localhost:*` is a
 * different origin, but the same site, so SameSite cookies alone do not separate them), not a
 * page whose domain is re-pointed at 127.0.0.1 (DNS rebinding), and not a page that guesses the
 * port. Every request must
 *
 * - name this server in its Host header (`127.0.0.1:<port>` or `localhost:<port>`);
 * - come from the editor's own pages: a browser's Origin, when sent, must be this origin and
 *   its Sec-Fetch-Site `same-origin` (or `none`: the curator typed or clicked the link);
 * - carry the per-run token: the link `npm run cms` prints holds it, opening the link sets it as
 *   an HttpOnly, SameSite=Strict cookie and takes the token out of the address bar.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/** A refused request: the HTTP status and why, in both languages. */
export interface Refusal {
  status: 401 | 403;
  en: string;
  zh: string;
}

/** A fresh token for one run of the editor (256 bits, URL-safe). */
export const newToken = () => randomBytes(32).toString('base64url');

/** The cookie holding the token; per port, since cookies are shared by every port of a host. */
export const cookieName = (port: number) => `baigong-cms-${port}`;

/** The `Set-Cookie` value the login link answers with. */
export const tokenCookie = (port: number, token: string) =>
  `${cookieName(port)}=${token}; Path=/; HttpOnly; SameSite=Strict`;

const sameSecret = (given: string | undefined, token: string): boolean => {
  const a = Buffer.from(given ?? '');
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
};

/** The value of cookie `name` in a Cookie header. */
function cookie(header: string | undefined, name: string): string | undefined {
  for (const pair of (header ?? '').split(';')) {
    const at = pair.indexOf('=');
    if (at > 0 && pair.slice(0, at).trim() === name) return pair.slice(at + 1).trim();
  }
  return undefined;
}

/** The Host header values that name this server (anything else is DNS rebinding or a mistake). */
export const allowedHosts = (port: number) => [`127.0.0.1:${port}`, `localhost:${port}`];

const OPEN_LINK = {
  en: 'open the link npm run cms printed, which carries this run’s token',
  zh: '请打开 npm run cms 打印的链接（其中含本次运行的令牌）',
};

/**
 * Why the request with these headers may not be served, judged before its token: a foreign
 * Host or a request from another origin. Undefined when it may go on.
 */
export function foreignRequest(headers: IncomingHttpHeaders, port: number): Refusal | undefined {
  const host = (headers.host ?? '').toLowerCase();
  if (!allowedHosts(port).includes(host)) {
    return {
      status: 403,
      en: `this editor answers only at http://127.0.0.1:${port}/, not at Host "${host}"`,
      zh: `编辑器只接受 http://127.0.0.1:${port}/ 的请求，不接受 Host“${host}”`,
    };
  }
  const origin = headers.origin;
  const site = headers['sec-fetch-site'];
  const sameOrigin = origin === undefined || origin === `http://${host}`;
  const fromItself = site === undefined || site === 'same-origin' || site === 'none';
  if (!sameOrigin || !fromItself) {
    return {
      status: 403,
      en: `requests from other pages are refused (Origin ${origin ?? '-'}, Sec-Fetch-Site ${site ?? '-'}); ${OPEN_LINK.en}`,
      zh: `拒绝来自其他网页的请求；${OPEN_LINK.zh}`,
    };
  }
  return undefined;
}

/** Whether `token` opens the editor: the login link's `?token=` value. */
export const opensEditor = (given: string | null, token: string) =>
  given !== null && sameSecret(given, token);

/** Why a request without this run's token cookie may not be served. */
export function missingToken(
  headers: IncomingHttpHeaders,
  port: number,
  token: string,
): Refusal | undefined {
  if (sameSecret(cookie(headers.cookie, cookieName(port)), token)) return undefined;
  return {
    status: 401,
    en: `this run’s token is missing or wrong: ${OPEN_LINK.en}`,
    zh: `缺少本次运行的令牌或令牌错误：${OPEN_LINK.zh}`,
  };
}
