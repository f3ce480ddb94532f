/**
 * `astro dev` serves the last build's report at `/_link-report/`: a middleware on Vite's
 * server (added in `astro:server:setup`) that renders the report page from the report
 * folder's `report.json`, with page links on the dev server, and serves the folder's other
 * files by name. Nothing else is served: only names the report folder is known to hold.
 */
import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import type { Report } from '../src/report/model/report-schema.js';
import { renderHtmlReport } from '../src/report/render/render-html.js';
import { reportFileNames } from '../src/report/reporters/index.js';

/** The path the report is served at (after Astro has removed `base`). */
export const reportRoute = '/_link-report/';

/** Where the report of the last build may be, and how to say so when it is not there. */
export interface ReportServerOptions {
  /** Candidate report folders, absolute; the one with the newest `report.json` is served. */
  folders: () => readonly string[];
  /** Said on the page shown before any build wrote a report. */
  missingHint: string;
}

type Next = (error?: unknown) => void;

/** A connect middleware (Vite's `server.middlewares.use`) serving the report. */
export function createReportMiddleware(
  options: ReportServerOptions,
): (request: IncomingMessage, response: ServerResponse, next: Next) => void {
  return (request, response, next) => {
    // Note: Astro has removed `base` from the URL before this middleware sees it.
    const { pathname } = new URL(request.url ?? '/', 'http://localhost');
    const name = fileNameOf(pathname);
    if (name === null || (request.method !== 'GET' && request.method !== 'HEAD')) return next();
    serve(name, options, request.method === 'HEAD', response).catch(next);
  };
}

/**
 * The report file a path names: `index.html` for `/_link-report`, `/_link-report/` and
 * `/_link-report/index.html` (the last passes every `trailingSlash` setting), a known file
 * name directly in the folder, else null (not ours).
 */
function fileNameOf(pathname: string): string | null {
  const trimmed = reportRoute.slice(0, -1);
  if (pathname === trimmed || pathname === reportRoute) return 'index.html';
  if (!pathname.startsWith(reportRoute)) return null;
  const name = pathname.slice(reportRoute.length);
  return reportFileNames().includes(name) ? name : null;
}

async function serve(
  name: string,
  options: ReportServerOptions,
  head: boolean,
  response: ServerResponse,
): Promise<void> {
  const folder = await newestReportFolder(options.folders());
  if (!folder) {
    send(response, 404, 'text/html; charset=utf-8', missingPage(options.missingHint), head);
    return;
  }
  if (name === 'index.html') {
    let report: Report;
    try {
      report = JSON.parse(await readFile(path.join(folder, 'report.json'), 'utf8')) as Report;
    } catch (error) {
      const reason = `${path.join(folder, 'report.json')} could not be read: ${(error as Error).message}`;
      send(response, 500, 'text/html; charset=utf-8', missingPage(reason), head);
      return;
    }
    // Page links go to the pages on this dev server (root-relative, with base).
    send(response, 200, 'text/html; charset=utf-8', renderHtmlReport(report), head);
    return;
  }
  let body: Buffer;
  try {
    body = await readFile(path.join(folder, name));
  } catch {
    send(response, 404, 'text/plain; charset=utf-8', `${name} is not in the last report.\n`, head);
    return;
  }
  send(response, 200, contentTypeOf(name), body, head);
}

/** The candidate folder whose `report.json` is newest, or null when none has one. */
export async function newestReportFolder(folders: readonly string[]): Promise<string | null> {
  let newest: { folder: string; time: number } | null = null;
  for (const folder of folders) {
    const info = await stat(path.join(folder, 'report.json')).catch(() => null);
    if (info?.isFile() && (!newest || info.mtimeMs > newest.time)) {
      newest = { folder, time: info.mtimeMs };
    }
  }
  return newest?.folder ?? null;
}

function send(
  response: ServerResponse,
  status: number,
  type: string,
  body: string | Buffer,
  head: boolean,
): void {
  response.statusCode = status;
  response.setHeader('content-type', type);
  response.setHeader('cache-control', 'no-store');
  response.setHeader('x-robots-tag', 'noindex');
  response.end(head ? undefined : body);
}

function contentTypeOf(name: string): string {
  const extension = path.extname(name).toLowerCase();
  if (extension === '.json' || extension === '.sarif') return 'application/json; charset=utf-8';
  if (extension === '.xml') return 'application/xml; charset=utf-8';
  if (extension === '.html') return 'text/html; charset=utf-8';
  if (extension === '.md') return 'text/markdown; charset=utf-8';
  return 'text/plain; charset=utf-8';
}

function missingPage(message: string): string {
  const escaped = message.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="robots" content="noindex"><title>No link report yet</title></head><body><h1>No link report yet</h1><p>${escaped}</p></body></html>\n`;
}
