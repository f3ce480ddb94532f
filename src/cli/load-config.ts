/**
 * The CLI's config file: `link-report.config.mjs` or `link-report.config.ts` (default
 * export; TypeScript where Node.js strips types itself) or `link-report.config.json`, holding the integration's options plus what Astro's config
 * would otherwise tell (`site`, `base`, `trailingSlash`, `buildFormat`) and `dir`.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { nearestName } from '../option-issues.js';
import { type LinkReportOptions, linkReportOptionsSchema, resolveOptions } from '../options.js';
import { buildFormats, trailingSlashValues } from '../site/url.js';

/** A config file that cannot be found, read or understood (exit code 2). */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Names looked for in the current folder, in this order. */
export const configFileNames = [
  'link-report.config.mjs',
  'link-report.config.ts',
  'link-report.config.json',
] as const;

/** The site shape and folder a config file may set, besides the core's options. */
export interface ConfigSite {
  dir?: string | undefined;
  site?: string | undefined;
  base?: string | undefined;
  trailingSlash?: (typeof trailingSlashValues)[number] | undefined;
  buildFormat?: (typeof buildFormats)[number] | undefined;
}

/** A loaded config file. */
export interface LoadedConfig {
  /** Path of the file as shown to the user (relative to cwd when inside it). */
  file: string;
  site: ConfigSite;
  /** The core's options, validated, as written (defaults not applied). */
  options: LinkReportOptions;
}

const siteKeys = ['dir', 'site', 'base', 'trailingSlash', 'buildFormat'] as const;

/**
 * Load the config file given with `--config`, or the one found in `cwd`.
 * @returns null when no file was given and none exists.
 * @throws ConfigError naming the file and the reason.
 */
export async function loadConfig(cwd: string, explicit?: string): Promise<LoadedConfig | null> {
  let file: string;
  if (explicit !== undefined) {
    file = path.resolve(cwd, explicit);
  } else {
    const found = configFileNames.filter((name) => existsSync(path.join(cwd, name)));
    if (found.length === 0) return null;
    if (found.length > 1) {
      throw new ConfigError(`found both ${found.join(' and ')}; keep one, or choose with --config`);
    }
    file = path.join(cwd, found[0]!);
  }
  const shown = showPath(cwd, file);
  const raw = await readConfigFile(file, shown);
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new ConfigError(`${shown}: expected an object of options, got ${describeType(raw)}`);
  }
  const { $schema: _schema, ...entries } = raw as Record<string, unknown>;
  // Note: unknown keys are named here, where the site keys are known too (`bse` → `base`).
  const known = [...siteKeys, ...Object.keys(linkReportOptionsSchema.shape)];
  for (const key of Object.keys(entries)) {
    if (known.includes(key)) continue;
    const meant = nearestName(key, known);
    throw new ConfigError(
      `${shown}: unknown key ${JSON.stringify(key)}${meant ? ` (did you mean ${JSON.stringify(meant)}?)` : `; the keys are ${known.join(', ')}`}`,
    );
  }
  const site: ConfigSite = {};
  const options: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(entries)) {
    if ((siteKeys as readonly string[]).includes(key)) continue;
    options[key] = value;
  }
  site.dir = stringAt(entries, 'dir', shown);
  site.site = stringAt(entries, 'site', shown);
  if (site.site !== undefined && !isHttpUrl(site.site)) {
    throw new ConfigError(
      `${shown}: site must be an absolute http(s) URL such as "https://example.com" (got ${JSON.stringify(site.site)})`,
    );
  }
  site.base = stringAt(entries, 'base', shown);
  site.trailingSlash = enumAt(entries, 'trailingSlash', trailingSlashValues, shown);
  site.buildFormat = enumAt(entries, 'buildFormat', buildFormats, shown);
  try {
    resolveOptions(options);
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    throw new ConfigError(`${shown}: ${error.message}`);
  }
  return { file: shown, site, options: options as LinkReportOptions };
}

async function readConfigFile(file: string, shown: string): Promise<unknown> {
  if (file.endsWith('.json')) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      throw new ConfigError(`cannot read ${shown}: ${describeFsError(error)}`);
    }
    try {
      return JSON.parse(text) as unknown;
    } catch (error) {
      throw new ConfigError(`${shown} is not valid JSON: ${(error as Error).message}`);
    }
  }
  if (!/\.(mjs|js|ts|mts)$/.test(file)) {
    throw new ConfigError(`${shown}: a config file must end in .mjs, .js, .ts, .mts or .json`);
  }
  if (!existsSync(file)) throw new ConfigError(`cannot read ${shown}: no such file`);
  if (/\.m?ts$/.test(file)) {
    const refusal = typeScriptRefusal(process.versions.node, process.features);
    if (refusal) throw new ConfigError(`${shown} cannot be loaded: ${refusal}`);
  }
  let module: Record<string, unknown>;
  try {
    module = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // Note: Node.js strips types; it does not transform enums, namespaces or parameter properties.
    const hint =
      code === 'ERR_UNSUPPORTED_TYPESCRIPT_SYNTAX'
        ? ' (Node.js only strips types: write it without enums, namespaces and parameter properties, or as .mjs)'
        : '';
    throw new ConfigError(`${shown} could not be loaded: ${(error as Error).message}${hint}`);
  }
  if (!('default' in module)) {
    throw new ConfigError(`${shown} has no default export; write \`export default { … }\``);
  }
  return module.default;
}

/**
 * Why Node.js cannot load a TypeScript config file, or null when it can: it strips types
 * itself from 22.18 and 23.6 on (earlier with --experimental-strip-types), unless turned off.
 */
export function typeScriptRefusal(
  nodeVersion: string,
  features: { typescript?: unknown },
): string | null {
  if (features.typescript === 'strip' || features.typescript === 'transform') return null;
  const [major = 0, minor = 0] = nodeVersion.split('.').map(Number);
  const strips = major >= 24 || (major === 23 && minor >= 6) || (major === 22 && minor >= 18);
  if (!strips) {
    return `Node.js ${nodeVersion} cannot load TypeScript; it can from 22.18 (or 23.6) on. Update Node.js, or write the config as link-report.config.mjs (with // @ts-check and defineConfig for the same completion)`;
  }
  if (features.typescript === false) {
    return 'Node.js runs with type stripping turned off (--no-experimental-strip-types); turn it on, or write the config as .mjs';
  }
  return null;
}

function stringAt(
  entries: Record<string, unknown>,
  key: string,
  shown: string,
): string | undefined {
  const value = entries[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.trim() === '') {
    throw new ConfigError(
      `${shown}: ${key} must be a non-empty string (got ${describeValue(value)})`,
    );
  }
  return value;
}

function enumAt<const T extends readonly string[]>(
  entries: Record<string, unknown>,
  key: string,
  allowed: T,
  shown: string,
): T[number] | undefined {
  const value = entries[key];
  if (value === undefined) return undefined;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value))
    return value as T[number];
  throw new ConfigError(
    `${shown}: ${key} must be one of ${allowed.join(', ')} (got ${describeValue(value)})`,
  );
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** `link-report.config.mjs` for files inside cwd, the absolute path otherwise. */
function showPath(cwd: string, file: string): string {
  const relative = path.relative(cwd, file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}

function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a folder';
  return (error as Error).message;
}

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

function describeValue(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
