/**
 * Host redirect files: Netlify and Cloudflare Pages `_redirects`, `netlify.toml`
 * `[[redirects]]`, and `vercel.json` `redirects`/`rewrites`. Their rules are redirects like
 * Astro's own: a link to one is a redirected link, not a broken one, and a rule whose
 * destination the build does not have is reported. Rules that depend on the request
 * (query, country, language, role, cookie, header conditions), and catch-all rewrites (a
 * single-page app's fallback), are not applied to links; they are counted in a note. Rules
 * that serve error pages (404, 410, 451) agree with the report: links to what they match
 * are broken, with or without them.
 */
import { lstat, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { RedirectRule } from './redirects.js';

/** Largest host config file read. */
const maxConfigBytes = 1024 * 1024;

/** What the host files say. */
export interface HostRedirects {
  rules: RedirectRule[];
  /** Rules read but not applied to links, and files that could not be read, as sentences. */
  notes: string[];
}

/** Where to look: the build output (`_redirects`) and the project root (`netlify.toml`, `vercel.json`). */
export interface HostRedirectsInput {
  dir: string;
  root: string;
}

/** Read every host redirect file there is. Never throws: an unreadable file is a note. */
export async function readHostRedirects(input: HostRedirectsInput): Promise<HostRedirects> {
  const result: HostRedirects = { rules: [], notes: [] };
  const tally = new RuleTally();
  const files: [string, string, (text: string, name: string) => void | Promise<void>][] = [
    [
      path.join(input.dir, '_redirects'),
      '_redirects',
      (text, name) => readRedirectsFile(text, name, result, tally),
    ],
    [
      path.join(input.root, 'netlify.toml'),
      'netlify.toml',
      (text, name) => readNetlifyToml(text, name, result, tally),
    ],
    [
      path.join(input.root, 'vercel.json'),
      'vercel.json',
      (text, name) => readVercelJson(text, name, result, tally),
    ],
  ];
  // Note: `_redirects` and then `netlify.toml` are one list of rules (Netlify, Cloudflare
  // Pages); `vercel.json` is another host's.
  for (const [file, name, read] of files) {
    if (name === 'vercel.json') tally.endOfList(result.notes);
    const text = await readSmallFile(file);
    if (text === null) continue;
    if (text instanceof Error) {
      result.notes.push(`${name}: not read (${text.message})`);
      continue;
    }
    try {
      await read(text, name);
    } catch (error) {
      result.notes.push(`${name}: not read: ${(error as Error).message}`);
    }
  }
  if (tally.skipped.size > 0) {
    const parts = [...tally.skipped].map(([why, count]) => `${count} ${why}`);
    result.notes.push(`host redirect rules not applied to links: ${parts.join(', ')}`);
  }
  tally.endOfList(result.notes);
  return result;
}

/**
 * The rules not applied to links, by why, and the first rule of a host's list that serves an
 * error page: the host takes the first rule that matches, so rules after it may never be
 * reached.
 */
class RuleTally {
  readonly skipped = new Map<string, number>();
  private errorRule: string | null = null;
  private afterErrorRule = 0;

  skip(why: string): void {
    this.skipped.set(why, (this.skipped.get(why) ?? 0) + 1);
  }

  /** A rule that serves an error page, at `where`. */
  errorPage(where: string): void {
    this.errorRule ??= where;
  }

  /** A rule applied to links. */
  applied(): void {
    if (this.errorRule !== null) this.afterErrorRule++;
  }

  /** The end of one host's list: a note when redirect rules follow an error-page rule. */
  endOfList(notes: string[]): void {
    if (this.errorRule !== null && this.afterErrorRule > 0) {
      notes.push(
        `${this.errorRule} serves an error page, and ${this.afterErrorRule} redirect rule(s) after it are applied to links as written: ` +
          'the host takes the first rule that matches, so where they overlap it serves the error page instead',
      );
    }
    this.errorRule = null;
    this.afterErrorRule = 0;
  }
}

async function readSmallFile(file: string): Promise<string | null | Error> {
  try {
    const info = await lstat(file);
    if (!info.isFile()) return info.isSymbolicLink() ? new Error('a symbolic link') : null;
    if (info.size > maxConfigBytes) return new Error(`larger than ${maxConfigBytes} bytes`);
    return await readFile(file, 'utf8');
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? null : (error as Error);
  }
}

/**
 * `_redirects`: one rule per line, `from [query…] to [status[!]] [conditions…]`, `#`
 * comments. `*` (a splat) and `:name` placeholders; `:splat` in the destination.
 */
function readRedirectsFile(
  text: string,
  name: string,
  result: HostRedirects,
  tally: RuleTally,
): void {
  for (const [index, raw] of text.split(/\r?\n/).entries()) {
    const line = raw.replace(/(^|\s)#.*$/, '').trim();
    if (line === '') continue;
    const tokens = line.split(/\s+/);
    const from = tokens[0]!;
    const toIndex = tokens.findIndex((token, i) => i > 0 && /^(\/|https?:\/\/)/i.test(token));
    if (toIndex === -1) {
      result.notes.push(
        `${name}:${index + 1}: not read: expected "from to [status]", got ${JSON.stringify(raw.trim())}`,
      );
      continue;
    }
    const rest = tokens.slice(toIndex + 1);
    const statusToken = rest[0] && /^\d{3}!?$/.test(rest[0]) ? rest[0] : null;
    const conditions = rest.slice(statusToken ? 1 : 0);
    const status = statusToken ? Number(statusToken.replace('!', '')) : 301;
    addRule(
      {
        from,
        to: tokens[toIndex]!,
        status,
        conditional: toIndex > 1 || conditions.length > 0,
        where: `${name}:${index + 1}`,
      },
      result,
      tally,
    );
  }
}

/** `netlify.toml`: `[[redirects]]` tables with `from`, `to`, `status`, `query`, `conditions`. */
async function readNetlifyToml(
  text: string,
  name: string,
  result: HostRedirects,
  tally: RuleTally,
): Promise<void> {
  // Note: the TOML parser loads only for a site that has the file.
  const { parse: parseToml } = await import('smol-toml');
  const data = parseToml(text) as { redirects?: unknown };
  if (data.redirects === undefined) return;
  if (!Array.isArray(data.redirects))
    throw new Error('redirects is not a list of [[redirects]] tables');
  for (const [index, entry] of data.redirects.entries()) {
    const rule = entry as Record<string, unknown>;
    if (typeof rule.from !== 'string' || typeof rule.to !== 'string') {
      result.notes.push(
        `${name}: [[redirects]] #${index + 1} not read: expected from and to strings`,
      );
      continue;
    }
    addRule(
      {
        from: rule.from,
        to: rule.to,
        status: typeof rule.status === 'number' ? rule.status : 301,
        conditional: isNonEmpty(rule.query) || isNonEmpty(rule.conditions),
        where: `${name} [[redirects]] #${index + 1}`,
      },
      result,
      tally,
    );
  }
}

/**
 * `vercel.json`: `redirects` (`source`, `destination`, `permanent`, `statusCode`) and
 * `rewrites` (`source`, `destination`), path-to-regexp sources (`:slug`, `:path*`).
 */
function readVercelJson(text: string, name: string, result: HostRedirects, tally: RuleTally): void {
  const data = JSON.parse(text) as { redirects?: unknown; rewrites?: unknown };
  for (const [key, rewrite] of [
    ['redirects', false],
    ['rewrites', true],
  ] as const) {
    const list = data[key];
    if (list === undefined) continue;
    if (!Array.isArray(list)) throw new Error(`${key} is not a list`);
    for (const [index, entry] of list.entries()) {
      const rule = entry as Record<string, unknown>;
      const where = `${name} ${key}[${index}]`;
      if (typeof rule.source !== 'string' || typeof rule.destination !== 'string') {
        result.notes.push(`${where}: not read: expected source and destination strings`);
        continue;
      }
      if (/[()]/.test(rule.source)) {
        tally.skip('with regular expressions');
        continue;
      }
      const status = rewrite
        ? 200
        : typeof rule.statusCode === 'number'
          ? rule.statusCode
          : rule.permanent === false
            ? 307
            : 308;
      addRule(
        {
          from: rule.source.replace(/:(\w+)[*+]/g, '*'),
          to: rule.destination.replace(/:(\w+)[*+]/g, ':$1'),
          status,
          conditional: isNonEmpty(rule.has) || isNonEmpty(rule.missing),
          where,
          splatName: /:(\w+)[*+]/.exec(rule.source)?.[1],
        },
        result,
        tally,
      );
    }
  }
}

interface RawRule {
  from: string;
  to: string;
  status: number;
  conditional: boolean;
  where: string;
  /** The name the destination uses for the splat (`:splat` on Netlify, the param on Vercel). */
  splatName?: string | undefined;
}

/** Turn a host rule into the core's `RedirectRule` (Astro's `[param]` pattern syntax). */
function addRule(raw: RawRule, result: HostRedirects, tally: RuleTally): void {
  if (raw.conditional) {
    tally.skip('with conditions (query, country, language, role, cookie or header)');
    return;
  }
  // Note: a rule that serves an error page (`/:lang/* /:lang/404/ 404`, last in Starlight's
  // own docs) says what the report says of the URLs it matches, that they are not pages:
  // it needs no note (a warning in every build of such a site), unless rules follow it.
  if (raw.status === 404 || raw.status === 410 || raw.status === 451) {
    tally.errorPage(raw.where);
    return;
  }
  const from = raw.from.startsWith('/') ? raw.from : null;
  if (from === null) {
    tally.skip('from another host');
    return;
  }
  if (raw.status === 200 && /^\/?\*$/.test(from.replace(/\/$/, ''))) {
    tally.skip('catch-all rewrites (a single-page app fallback)');
    return;
  }
  const splat = raw.splatName ?? 'splat';
  const pattern = from
    .split('/')
    .map((segment) =>
      segment === '*'
        ? `[...${splat}]`
        : segment.replace(/^:(\w+)$/, (_m, name: string) => `[${name}]`),
    )
    .join('/');
  const to = raw.to.replace(/:(\w+)/g, (whole, name: string, offset: number, text: string) =>
    // Note: `https://` has a colon too; only `:name` after a slash or at the start is a placeholder.
    offset === 0 || text[offset - 1] === '/' ? `[${name}]` : whole,
  );
  tally.applied();
  result.rules.push({
    from: pattern,
    to,
    status: raw.status,
    host: true,
    origin: raw.where,
  });
}

function isNonEmpty(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.keys(value).length > 0;
  return true;
}
