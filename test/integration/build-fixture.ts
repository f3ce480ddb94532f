import { existsSync } from 'node:fs';
import { cp, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { type AstroIntegration, build } from 'astro';
import linkReport from '../../integration/index.js';
import { createReportJsonSchema, type LinkReportOptions, type Report } from '../../src/index.js';
import { compareExtractionIn } from '../helpers/differential.js';
import { makeBuildDir } from '../helpers/temp-dir.js';

/** Folder of a fixture site. */
export function fixtureRoot(name: string): string {
  return fileURLToPath(new URL(`../fixtures/${name}/`, import.meta.url));
}

/** What building a fixture produced. */
export interface FixtureBuild {
  /** The error `astro build` failed with, or null. */
  error: Error | null;
  /** The report the integration wrote, or null. */
  report: Report | null;
  /** Output folder given to `astro:build:done`. */
  dir: string;
}

/** Builds of this test file, by fixture, options and config: each is built once. */
const builds = new Map<string, Promise<FixtureBuild>>();

/**
 * Build a fixture site with `build()` from astro and the integration, in this process, into
 * a folder of its own (so test files never share or remove each other's output). Astro's
 * inline config is merged with the fixture's astro.config.mjs. The same build asked for
 * twice in one test file is built once; treat the result as read-only.
 */
export function buildFixture(
  name: string,
  options: LinkReportOptions = {},
  inlineConfig: Record<string, unknown> = {},
): Promise<FixtureBuild> {
  const key = JSON.stringify(
    [name, options, inlineConfig, process.env.SOURCE_DATE_EPOCH],
    (_key, value) => (value instanceof RegExp ? String(value) : value),
  );
  let build = builds.get(key);
  if (!build) {
    // Note: builds of one fixture share its root, and with it the private report folder in
    // `.astro/`; each build publishes its report into its own output instead, so parallel
    // builds never read each other's. The private default is tested on copies of fixtures.
    const published = { reportDir: '_link-report', ...options } satisfies LinkReportOptions;
    build = makeBuildDir(`${name}-`).then((out) =>
      buildAstroSite(
        fixtureRoot(name),
        [linkReport(published)],
        { outDir: path.join(out, 'dist'), ...inlineConfig },
        published.reportDir,
      ),
    );
    builds.set(key, build);
  }
  return build;
}

/**
 * A copy of a fixture site in a folder of its own (inside the repository, so `astro`
 * resolves), for builds that write into the site's root (`.astro/`, the private report).
 */
export async function copyFixtureSite(name: string): Promise<string> {
  const root = path.join(await makeBuildDir(`${name}-copy-`), name);
  await cp(fixtureRoot(name), root, {
    recursive: true,
    filter: (source) => !/[\\/](dist|\.astro|node_modules)$/.test(source),
  });
  return root;
}

/** The folder where the integration keeps the report it does not publish. */
export function privateReportFolder(root: string): string {
  return path.join(root, '.astro/integrations/astro-link-report');
}

/**
 * Build an Astro site in this process, with extra integrations, and read the report the
 * integration wrote: from `reportDir` inside the output when it publishes one, else from
 * the private folder under the root.
 */
export async function buildAstroSite(
  root: string,
  integrations: AstroIntegration[],
  inlineConfig: Record<string, unknown> = {},
  reportDir: string | false | undefined = undefined,
): Promise<FixtureBuild> {
  // Note: Astro refuses to build with NODE_ENV=test (set by vitest).
  delete process.env.NODE_ENV;
  process.env.ASTRO_TELEMETRY_DISABLED = '1';
  if (!('outDir' in inlineConfig))
    await rm(path.join(root, 'dist'), { recursive: true, force: true });
  // An earlier run's report must not pass for this one's.
  if (reportDir === undefined)
    await rm(privateReportFolder(root), { recursive: true, force: true });
  let dir = '';
  const recordDir = {
    name: 'record-dir',
    hooks: {
      'astro:build:done': ({ dir: done }: { dir: URL }) => {
        dir = fileURLToPath(done);
      },
    },
  };
  let error: Error | null = null;
  try {
    await build({
      root,
      logLevel: 'silent',
      ...inlineConfig,
      integrations: [recordDir, ...integrations],
    });
  } catch (caught) {
    error = caught as Error;
  }
  const reportFile =
    typeof reportDir === 'string'
      ? path.join(dir, reportDir, 'report.json')
      : path.join(privateReportFolder(root), 'report.json');
  const report =
    dir && reportDir !== false && existsSync(reportFile)
      ? (JSON.parse(await readFile(reportFile, 'utf8')) as Report)
      : null;
  if (report) assertValidReport(report);
  // Note: every page every fixture build wrote (the report page too) is part of the
  // differential check of the extraction fast path.
  if (dir && existsSync(dir)) await compareExtractionIn(dir);
  return { error, report, dir };
}

const validateReport = new Ajv2020({ strict: false, allErrors: true }).compile(
  createReportJsonSchema(),
);

/** Throw, listing the errors, when a report does not match the published JSON Schema. */
export function assertValidReport(report: unknown): void {
  if (validateReport(report)) return;
  const errors = (validateReport.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`);
  throw new Error(
    `report.json does not match report.schema.json:\n${errors.slice(0, 20).join('\n')}`,
  );
}

/** Findings as compact, comparable rows: `type page href line:column`. */
export function findingRows(report: Report | null): string[] {
  return (report?.findings ?? []).map((f) => {
    const at =
      f.link?.position.type === 'source'
        ? ` ${f.link.position.line}:${f.link.position.column}`
        : '';
    return `${f.type} ${f.page ?? '-'} ${f.link?.href ?? '-'}${at}`;
  });
}
