/**
 * `astro-link-report/config`: `defineConfig` for the CLI's config file, so an editor
 * completes and checks every key (`link-report.config.mjs` with `// @ts-check`, or
 * `link-report.config.ts`).
 */
import type { LinkReportOptions } from './options.js';
import type { buildFormats, trailingSlashValues } from './site/url.js';

/** The CLI's config file: the integration's options, and what Astro's config would tell. */
export interface LinkReportConfig extends LinkReportOptions {
  /** The build output folder (the `dir` argument). @default 'dist' */
  dir?: string;
  /** The deployed site's URL (`--site`), e.g. `'https://example.com'`. */
  site?: string;
  /** The path the site is served under (`--base`), e.g. `'/docs/'`. @default '/' */
  base?: string;
  /** Which form of a directory URL is right (`--trailing-slash`). @default 'ignore' */
  trailingSlash?: (typeof trailingSlashValues)[number];
  /** How pages map to files (`--build-format`). @default guessed from the files */
  buildFormat?: (typeof buildFormats)[number];
}

/**
 * Return the config as given: it only gives it a type, for completion and checks.
 * @example
 * // link-report.config.ts
 * import { defineConfig } from 'astro-link-report/config';
 * export default defineConfig({ dir: 'public', site: 'https://example.com', failOn: 'warning' });
 */
export function defineConfig(config: LinkReportConfig): LinkReportConfig {
  return config;
}
