/**
 * `POST /_link-report/page.json`: the dev server's side of the toolbar app. The request is
 * the page's references (read from the live DOM); the answer, their statuses and what the
 * last report knows about the page. Only same-origin JSON posts are answered (a page on
 * another site cannot make the dev server work for it), bodies are capped, and every field
 * is validated with a message naming it.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import type { ToolbarRequest, ToolbarResponse } from './protocol.js';

/** The endpoint's path (after Astro has removed `base`). */
export const toolbarEndpoint = '/_link-report/page.json';

/** Largest request body, in bytes. */
export const maxRequestBytes = 4 * 1024 * 1024;
/** Most elements one request may send (the app sends at most this many). */
export const maxElements = 5000;
/** Most ids one request may send. */
export const maxIds = 50_000;
/** Longest URL attribute or text kept. */
const maxValueLength = 8192;

const text = (max = maxValueLength) => z.string().max(max);

const requestSchema = z
  .object({
    page: z.url({ protocol: /^https?$/ }).max(maxValueLength),
    baseUri: z.url().max(maxValueLength),
    title: text().nullable(),
    robots: text().nullable(),
    elements: z
      .array(
        z
          .object({
            tag: z
              .string()
              .regex(/^[a-z][a-z0-9-]*$/, 'expected a lower-case tag name')
              .max(64),
            attributes: z.record(z.string().max(64), text()),
            text: text(),
            placement: z.enum(['nav', 'header', 'footer', 'aside', 'content']),
            writtenAt: z
              .object({
                file: text(4096),
                line: z.number().int().positive(),
                column: z.number().int().nonnegative(),
              })
              .strict()
              .nullable(),
          })
          .strict(),
      )
      .max(maxElements),
    omitted: z.number().int().nonnegative(),
    ids: z.array(text(1024)).max(maxIds),
  })
  .strict() satisfies z.ZodType<ToolbarRequest>;

type Next = (error?: unknown) => void;

/** What the endpoint does with a valid request. */
export interface ToolbarEndpointOptions {
  check: (request: ToolbarRequest) => Promise<ToolbarResponse>;
  /** Told when a check fails unexpectedly (the answer says so too). */
  onError: (error: Error) => void;
}

/** A connect middleware answering the toolbar app. */
export function createToolbarMiddleware(
  options: ToolbarEndpointOptions,
): (request: IncomingMessage, response: ServerResponse, next: Next) => void {
  return (request, response, next) => {
    const { pathname } = new URL(request.url ?? '/', 'http://localhost');
    if (pathname !== toolbarEndpoint) return next();
    answer(request, response, options).catch((error: Error) => {
      options.onError(error);
      if (!response.headersSent) send(response, 500, { error: error.message });
      else response.end();
    });
  };
}

async function answer(
  request: IncomingMessage,
  response: ServerResponse,
  options: ToolbarEndpointOptions,
): Promise<void> {
  if (request.method !== 'POST') {
    response.setHeader('allow', 'POST');
    send(response, 405, { error: `${toolbarEndpoint} answers POST requests only.` });
    return;
  }
  const refusal = refuseCrossSite(request);
  if (refusal) {
    send(response, 403, { error: refusal });
    return;
  }
  const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json') {
    send(response, 415, {
      error: `expected a JSON body (content-type: application/json), got "${type}"`,
    });
    return;
  }
  const length = Number(request.headers['content-length'] ?? 0);
  const body = length > maxRequestBytes ? null : await readBody(request);
  if (body === null) {
    send(response, 413, { error: `the request is larger than ${maxRequestBytes} bytes` });
    return;
  }
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch (error) {
    send(response, 400, { error: `the request is not JSON: ${(error as Error).message}` });
    return;
  }
  const parsed = requestSchema.safeParse(data);
  if (!parsed.success) {
    const issues = parsed.error.issues
      .slice(0, 5)
      .map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`);
    send(response, 400, {
      error: `the request is not what the toolbar app sends: ${issues.join('; ')}`,
    });
    return;
  }
  send(response, 200, await options.check(parsed.data));
}

/**
 * Why a request from another site is refused, or null. Browsers send `Sec-Fetch-Site` and
 * `Origin` with a cross-origin POST; a JSON content type makes it need a preflight, which
 * this endpoint never grants.
 */
function refuseCrossSite(request: IncomingMessage): string | null {
  const site = request.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') {
    return `requests from other sites are refused (sec-fetch-site: ${site})`;
  }
  const origin = request.headers.origin;
  if (origin !== undefined) {
    const host = URL.parse(origin)?.host;
    if (host !== request.headers.host) return `requests from ${origin} are refused`;
  }
  return null;
}

function readBody(request: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxRequestBytes) over = true;
      if (!over) chunks.push(chunk);
    });
    request.on('end', () => resolve(over ? null : Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function send(response: ServerResponse, status: number, body: unknown): void {
  response.statusCode = status;
  response.setHeader('content-type', 'application/json; charset=utf-8');
  response.setHeader('cache-control', 'no-store');
  response.setHeader('x-robots-tag', 'noindex');
  response.end(JSON.stringify(body));
}
