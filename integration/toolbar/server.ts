/**
 * The toolbar app in `astro dev`: the app's entry for `addDevToolbarApp`, and the dev
 * server's side (the `page.json` endpoint, its caches emptied when a file changes).
 * Nothing here runs in `astro build`: the app is added only for `astro dev`.
 */
import { fileURLToPath } from 'node:url';
import type {
  AstroConfig,
  AstroIntegration,
  AstroIntegrationLogger,
  DevToolbarAppEntry,
  IntegrationResolvedRoute,
} from 'astro';
import type { ResolvedLinkReportOptions } from '../../src/options.js';
import { createSiteUrls, normalizeBase } from '../../src/site/url.js';
import { checkPage } from './check-page.js';
import { createDevRoutes } from './dev-routes.js';
import { createToolbarMiddleware } from './endpoint.js';
import { createLoopbackRequester } from './loopback.js';
import { createPageIdReader } from './page-ids.js';
import { createReportReader } from './page-report.js';

/** The app's id in the toolbar (and its buttons' `data-app-id`). */
export const toolbarAppId = 'astro-link-report';

/** A chain link, 20 px, in the toolbar's white. */
const icon =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" fill="none" stroke="#fff" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true"><path d="M10 13a5 5 0 0 0 7.5.5l3-3a5 5 0 0 0-7-7l-1.7 1.7"/><path d="M14 11a5 5 0 0 0-7.5-.5l-3 3a5 5 0 0 0 7 7l1.7-1.7"/></svg>';

/**
 * The entry `addDevToolbarApp` takes. The entrypoint is the compiled file's absolute path,
 * not a package specifier: Vite serves it as it is, where a bare specifier would be a
 * dependency to optimize, and a late re-optimization breaks the toolbar (withastro/astro#15857).
 */
export function toolbarAppEntry(): DevToolbarAppEntry {
  return {
    id: toolbarAppId,
    name: 'Link report',
    icon,
    entrypoint: fileURLToPath(new URL('./app.js', import.meta.url)),
  };
}

type SetupOptions = Parameters<NonNullable<AstroIntegration['hooks']['astro:server:setup']>>[0];

/** What the dev server's side needs. */
export interface ToolbarServerInput {
  server: SetupOptions['server'];
  logger: AstroIntegrationLogger;
  config: AstroConfig;
  options: ResolvedLinkReportOptions;
  /** The routes of the last `astro:routes:resolved`. */
  routes: () => readonly IntegrationResolvedRoute[];
  /** The folder holding the newest `report.json`, or null. */
  reportFolder: () => Promise<string | null>;
  /** Where the report would be, for the message when there is none. */
  expectedReport: string;
  /** How to get or refresh it. */
  hint: string;
}

/** Serve `POST /_link-report/page.json` on the dev server. */
export function setUpToolbarServer(input: ToolbarServerInput): void {
  const { server, config } = input;
  const base = normalizeBase(config.base);
  const shape = {
    site: config.site,
    base,
    trailingSlash: config.trailingSlash,
    buildFormat: config.build.format,
  };
  const request = createLoopbackRequester({
    address: () => server.httpServer?.address() ?? null,
    https: Boolean(server.config.server.https),
  });
  const routes = createDevRoutes({
    shape,
    root: fileURLToPath(config.root),
    publicDir: fileURLToPath(config.publicDir),
    routes: input.routes,
    request,
  });
  const pageIds = createPageIdReader(request);
  // Note: any change may add a page, an id or a route; answers are cheap to find again.
  server.watcher.on('all', () => {
    routes.clear();
    pageIds.clear();
  });
  const readReport = createReportReader({
    folder: input.reportFolder,
    expected: input.expectedReport,
    hint: input.hint,
  });
  const urls = createSiteUrls(shape);
  server.middlewares.use(
    createToolbarMiddleware({
      check: (body) =>
        checkPage(body, {
          urls,
          options: input.options,
          routes,
          pageIds,
          readReport,
          root: fileURLToPath(config.root),
          hint: input.hint,
          reportPage: `${base}_link-report/index.html`,
        }),
      onError: (error) =>
        input.logger.error(`The toolbar's check failed: ${error.stack ?? error.message}`),
    }),
  );
}
