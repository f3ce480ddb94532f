/**
 * What the report's schema module exports that runs need without the whole schema: its
 * version, the published schema's URL and the `site` section's schema (which the CLI
 * validates an earlier report's settings with). Building the whole report schema takes
 * 30–40 ms; a run that writes a report never needs it.
 */
import { z } from 'zod';
import { buildFormats, trailingSlashValues } from '../../site/url.js';
import { version } from '../../version.js';

/** Version of the report's JSON shape. Bump it on any breaking change. */
export const reportSchemaVersion = 2;

/**
 * The URL of the published JSON Schema, of this version: a report keeps pointing at the
 * schema it was written against when the package moves on.
 */
export const reportSchemaUrl = `https://unpkg.com/astro-link-report@${version}/dist/report.schema.json`;

/** The `site` section: how the site is built and served. */
export const reportSiteSchema = z.object({
  site: z.url({ protocol: /^https?$/ }).nullable(),
  siteKnown: z.boolean(),
  base: z.string().regex(/^\/(?:[^/\\?#]+\/)*$/, 'expected a base path such as "/" or "/docs/"'),
  trailingSlash: z.enum(trailingSlashValues),
  buildFormat: z.enum(buildFormats),
});
