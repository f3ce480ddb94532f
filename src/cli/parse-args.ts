/**
 * Command-line flags → a typed, validated description of what to run. Every enum flag is
 * checked here, so a bad value fails with a message naming the flag and what it allows.
 */
import { parseArgs } from 'node:util';
import { type FindingType, findingTypes } from '../findings/definitions.js';
import { failLevels, severityLevels } from '../findings/severity.js';
import { nearestName } from '../option-issues.js';
import type { LinkReportOptions } from '../options.js';
import { type OutputFormat, outputFormats } from '../report/reporters/index.js';
import { buildFormats, trailingSlashValues } from '../site/url.js';

/** A problem with the command line (exit code 2). */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** The options of the core that flags set; only the ones given are present. */
export type FlagOptions = Pick<
  LinkReportOptions,
  | 'failOn'
  | 'severity'
  | 'checkFragments'
  | 'genericAnchors'
  | 'inboundCacheDir'
  | 'baseline'
  | 'updateBaseline'
> & {
  assets?: Record<string, string>;
  siteKinds?: Record<string, string>;
  ignore?: { pages?: string[]; links?: (string | RegExp)[] };
  /** Files (or folders) and URLs, each required; `file=/page/` gives a drill-down's target. */
  inbound?: (
    | { file: string; required: true; target?: string }
    | { url: string; required: true; target?: string }
  )[];
  /** `--allow-bad-rows`: import the readable rows of every inbound source. */
  allowBadRows?: boolean;
  /** `--inbound-max-bytes`, `--inbound-max-rows`. */
  inboundLimits?: { maxBytes?: number; maxRows?: number };
  /** `--html-max-bytes`. */
  htmlLimits?: { maxBytes?: number };
  /** `--check-external` and the `--external-*` flags: only the keys given. */
  external?: ExternalFlagOptions;
};

/** The `external` keys that flags set, as the options schema reads them. */
export interface ExternalFlagOptions {
  check?: boolean;
  cache?: string;
  cacheErrors?: string;
  concurrency?: number;
  perHost?: number;
  timeout?: string | number;
  retries?: number;
  maxRetryWait?: string | number;
  skip?: (string | RegExp)[];
  onlyHosts?: string[];
  offline?: boolean;
  treatAsOk?: number[];
  checkFragments?: boolean;
  headers?: Record<string, Record<string, string>>;
  allowPrivateHosts?: boolean;
  affiliates?: { hosts?: string[]; params?: string[] };
}

/** The command line, parsed and validated. Absent fields were not given. */
export interface CliArgs {
  help: boolean;
  version: boolean;
  /** The build output folder (positional), as written. */
  dir?: string | undefined;
  config?: string | undefined;
  format?: OutputFormat | undefined;
  quiet: boolean;
  /** `--color` / `--no-color`; undefined lets the environment decide. */
  color?: boolean | undefined;
  /** `--json <file>`: where to write the JSON report. */
  json?: string | undefined;
  /** `--html <dir>`: folder for the report page, its JSON and JSON Schema. */
  html?: string | undefined;
  site?: string | undefined;
  base?: string | undefined;
  trailingSlash?: (typeof trailingSlashValues)[number] | undefined;
  buildFormat?: (typeof buildFormats)[number] | undefined;
  /** `--workers <n>`: extraction threads (0: in process). */
  workers?: number | undefined;
  /** `--cache <dir>`: the cache folder; `--no-cache` (false): no cache. */
  cache?: string | false | undefined;
  /** `--timings`: print how long each stage took on stderr. */
  timings: boolean;
  /** Core options set by flags. */
  options: FlagOptions;
}

// Note: the single source of the flag list; `help.ts` documents the same names.
const flagDefinitions = {
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
  config: { type: 'string', short: 'c' },
  format: { type: 'string', short: 'f' },
  quiet: { type: 'boolean', short: 'q' },
  workers: { type: 'string' },
  color: { type: 'boolean' },
  json: { type: 'string' },
  html: { type: 'string' },
  site: { type: 'string' },
  base: { type: 'string' },
  'trailing-slash': { type: 'string' },
  'build-format': { type: 'string' },
  'ignore-pages': { type: 'string', multiple: true },
  'ignore-links': { type: 'string', multiple: true },
  inbound: { type: 'string', multiple: true },
  'fail-on': { type: 'string' },
  severity: { type: 'string', multiple: true },
  fragments: { type: 'boolean' },
  asset: { type: 'string', multiple: true },
  'generic-anchor': { type: 'string', multiple: true },
  'site-kind': { type: 'string', multiple: true },
  'inbound-cache': { type: 'string' },
  'allow-bad-rows': { type: 'boolean' },
  'inbound-max-bytes': { type: 'string' },
  'inbound-max-rows': { type: 'string' },
  'html-max-bytes': { type: 'string' },
  cache: { type: 'string' },
  // Note: with allowNegative, --no-cache sets `cache` to false; it must be declared to be accepted.
  'no-cache': { type: 'boolean' },
  timings: { type: 'boolean' },
  baseline: { type: 'string' },
  'update-baseline': { type: 'boolean' },
  // Outbound links: one flag per key of the `external` option.
  'check-external': { type: 'boolean' },
  'external-cache': { type: 'string' },
  'external-cache-errors': { type: 'string' },
  'external-concurrency': { type: 'string' },
  'external-per-host': { type: 'string' },
  'external-timeout': { type: 'string' },
  'external-retries': { type: 'string' },
  'external-max-retry-wait': { type: 'string' },
  'external-skip': { type: 'string', multiple: true },
  'external-only-hosts': { type: 'string', multiple: true },
  'external-offline': { type: 'boolean' },
  'external-treat-as-ok': { type: 'string', multiple: true },
  'external-fragments': { type: 'boolean' },
  'external-header': { type: 'string', multiple: true },
  'external-allow-private-hosts': { type: 'boolean' },
  'external-affiliate-host': { type: 'string', multiple: true },
  'external-affiliate-param': { type: 'string', multiple: true },
} as const;

/** Every flag's long name (`--fail-on`), for the help's completeness test. */
export const flagNames = Object.keys(flagDefinitions).map((name) => `--${name}`);

/** The long flags a typo may have meant, with the `--no-` forms of the boolean ones. */
function knownFlags(): string[] {
  const negated = Object.entries(flagDefinitions)
    .filter(([name, flag]) => flag.type === 'boolean' && !name.startsWith('no-'))
    .map(([name]) => `--no-${name}`);
  return [...flagNames, ...negated];
}

/**
 * Parse and validate `argv` (without `node` and the script).
 * @throws UsageError for an unknown flag, a missing or invalid value, or extra positionals.
 */
export function parseCliArgs(argv: readonly string[]): CliArgs {
  let parsed: ReturnType<typeof parseRaw>;
  try {
    parsed = parseRaw(argv);
  } catch (error) {
    throw new UsageError(describeParseError(error as Error & { code?: string }));
  }
  const { values, positionals } = parsed;
  if (positionals.length > 1) {
    throw new UsageError(
      `expected one output folder, got ${positionals.length}: ${positionals.join(' ')} ` +
        '(flags that take several values are repeated: --ignore-pages a --ignore-pages b)',
    );
  }
  const options: FlagOptions = {};
  if (values['fail-on'] !== undefined) options.failOn = parseFailOn(values['fail-on']);
  if (values.severity !== undefined) options.severity = parseSeverities(values.severity);
  // Note: the values are checked by the options schema, which lists what is allowed.
  if (values.asset !== undefined)
    options.assets = parsePairs('--asset', values.asset, '/tools/**=tool');
  if (values['generic-anchor'] !== undefined) {
    options.genericAnchors = values['generic-anchor'].map((text) =>
      requireValue('--generic-anchor', text),
    );
  }
  if (values['site-kind'] !== undefined) {
    options.siteKinds = parsePairs('--site-kind', values['site-kind'], 'example.org=news');
  }
  if (values['inbound-cache'] !== undefined) {
    options.inboundCacheDir = requireValue('--inbound-cache', values['inbound-cache']);
  }
  if (values.fragments !== undefined) options.checkFragments = values.fragments;
  if (values['ignore-pages'] !== undefined || values['ignore-links'] !== undefined) {
    options.ignore = {};
    if (values['ignore-pages'] !== undefined) {
      options.ignore.pages = values['ignore-pages'].map((glob) =>
        requireValue('--ignore-pages', glob),
      );
    }
    if (values['ignore-links'] !== undefined)
      options.ignore.links = values['ignore-links'].map((value) => parseLinkPattern(value));
  }
  if (values.inbound !== undefined) options.inbound = values.inbound.map(parseInboundSource);
  if (values['allow-bad-rows'] !== undefined) options.allowBadRows = values['allow-bad-rows'];
  if (values['inbound-max-bytes'] !== undefined || values['inbound-max-rows'] !== undefined) {
    options.inboundLimits = {};
    if (values['inbound-max-bytes'] !== undefined)
      options.inboundLimits.maxBytes = parseBytes(
        '--inbound-max-bytes',
        values['inbound-max-bytes'],
      );
    if (values['inbound-max-rows'] !== undefined)
      options.inboundLimits.maxRows = parsePositive(
        '--inbound-max-rows',
        values['inbound-max-rows'],
      );
  }
  if (values['html-max-bytes'] !== undefined) {
    options.htmlLimits = { maxBytes: parseBytes('--html-max-bytes', values['html-max-bytes']) };
  }
  if (values.baseline !== undefined) {
    options.baseline = requireValue('--baseline', values.baseline);
  }
  if (values['update-baseline'] !== undefined) options.updateBaseline = values['update-baseline'];
  const external = parseExternalFlags(values);
  if (Object.keys(external).length > 0) options.external = external;

  return {
    help: values.help ?? false,
    version: values.version ?? false,
    dir: positionals[0],
    config: values.config === undefined ? undefined : requireValue('--config', values.config),
    format: oneOf('--format', values.format, outputFormats as readonly OutputFormat[]),
    quiet: values.quiet ?? false,
    color: values.color,
    json: values.json === undefined ? undefined : requireValue('--json', values.json),
    html: values.html === undefined ? undefined : requireValue('--html', values.html),
    site: values.site === undefined ? undefined : parseSite(values.site),
    base: values.base === undefined ? undefined : requireValue('--base', values.base),
    trailingSlash: oneOf('--trailing-slash', values['trailing-slash'], trailingSlashValues),
    buildFormat: oneOf('--build-format', values['build-format'], buildFormats),
    workers: values.workers === undefined ? undefined : parseWorkers(values.workers),
    cache: parseCache(values.cache as string | boolean | undefined),
    timings: values.timings ?? false,
    options,
  };
}

function parseRaw(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    options: flagDefinitions,
    allowPositionals: true,
    allowNegative: true,
    strict: true,
  });
}

/** Rephrase `parseArgs` errors: they suggest `--` tricks that do not apply here. */
function describeParseError(error: Error & { code?: string }): string {
  if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const flag = /'([^']+)'/.exec(error.message)?.[1] ?? error.message;
    const meant = flag.startsWith('--') ? nearestName(flag, knownFlags()) : null;
    return `unknown option ${flag}${meant ? ` (did you mean ${meant}?)` : ''}`;
  }
  if (error.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    // e.g. "Option '--site <value>' argument missing" or "Option '--quiet' does not take an argument".
    const flag = /'(?:-\w, )?(--?[\w-]+)/.exec(error.message)?.[1];
    if (/argument missing/.test(error.message) && flag) return `${flag} needs a value`;
    if (/does not take an argument/.test(error.message) && flag)
      return `${flag} does not take a value`;
  }
  return error.message;
}

function requireValue(flag: string, value: string): string {
  if (value.trim() === '') throw new UsageError(`${flag} needs a non-empty value`);
  return value;
}

/** Check an enum flag; the message names the flag and every allowed value. */
function oneOf<const T extends readonly string[]>(
  flag: string,
  value: string | undefined,
  allowed: T,
): T[number] | undefined {
  if (value === undefined) return undefined;
  if ((allowed as readonly string[]).includes(value)) return value as T[number];
  const meant = nearestName(value, allowed);
  throw new UsageError(
    `${flag} must be one of ${allowed.join(', ')} (got ${JSON.stringify(value)})${meant ? `; did you mean ${meant}?` : ''}`,
  );
}

function parseSite(value: string): string {
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new UsageError(
      `--site must be an absolute http(s) URL such as https://example.com (got ${JSON.stringify(value)})`,
    );
  }
  return value;
}

function isFindingType(value: string): value is FindingType {
  return (findingTypes as readonly string[]).includes(value);
}

/** `--fail-on error|warning|info|none` or `--fail-on broken-link,broken-fragment`. */
function parseFailOn(value: string): NonNullable<FlagOptions['failOn']> {
  if ((failLevels as readonly string[]).includes(value))
    return value as (typeof failLevels)[number];
  const types = value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  const unknown = types.filter((type) => !isFindingType(type));
  if (types.length > 0 && unknown.length > 0 && (types.length > 1 || value.includes(','))) {
    // Note: a bad entry of a list is named on its own, with what it was meant to be.
    throw new UsageError(
      `--fail-on: ${unknown
        .map((type) => {
          const meant = nearestName(type, findingTypes);
          return `unknown finding type ${JSON.stringify(type)}${meant ? ` (did you mean ${meant}?)` : ''}`;
        })
        .join('; ')}`,
    );
  }
  if (types.length === 0 || unknown.length > 0) {
    const meant = nearestName(value, [...failLevels, ...findingTypes]);
    throw new UsageError(
      `--fail-on must be one of ${failLevels.join(', ')}, or a comma-separated list of finding types ` +
        `(${findingTypes.join(', ')}) (got ${JSON.stringify(value)})${meant ? `; did you mean ${meant}?` : ''}`,
    );
  }
  return types as FindingType[];
}

/** `--flag key=value`, repeatable; the last one for a key wins. */
function parsePairs(
  flag: string,
  values: readonly string[],
  example: string,
): Record<string, string> {
  const result: Record<string, string> = {};
  for (const value of values) {
    const match = /^([^=]+)=(.+)$/.exec(value);
    if (!match)
      throw new UsageError(
        `${flag} expects <key>=<value>, e.g. ${example} (got ${JSON.stringify(value)})`,
      );
    result[match[1]!.trim()] = match[2]!.trim();
  }
  return result;
}

/** `--severity redirected-link=error`, repeatable; the last one for a type wins. */
function parseSeverities(values: readonly string[]): NonNullable<FlagOptions['severity']> {
  const result: NonNullable<FlagOptions['severity']> = {};
  for (const value of values) {
    const match = /^([^=]+)=(.*)$/.exec(value);
    const type = match?.[1]?.trim() ?? '';
    const level = match?.[2]?.trim() ?? '';
    if (!match) {
      throw new UsageError(
        `--severity expects <type>=<level>, e.g. redirected-link=error (got ${JSON.stringify(value)})`,
      );
    }
    if (!isFindingType(type)) {
      const meant = nearestName(type, findingTypes);
      throw new UsageError(
        meant
          ? `--severity: unknown finding type ${JSON.stringify(type)} (did you mean ${meant}?)`
          : `--severity: unknown finding type ${JSON.stringify(type)}; the types are ${findingTypes.join(', ')}`,
      );
    }
    if (!(severityLevels as readonly string[]).includes(level)) {
      const meant = nearestName(level, severityLevels);
      throw new UsageError(
        `--severity: the level must be one of ${severityLevels.join(', ')} (got ${JSON.stringify(level)} for ${type}${meant ? `; did you mean ${meant}?` : ''})`,
      );
    }
    result[type] = level as (typeof severityLevels)[number];
  }
  return result;
}

/**
 * A file or folder path, or an http(s) URL (downloaded and cached by the core). Named on
 * the command line, it is required: one that cannot be read is an error, not a warning.
 * `path=/pricing/` (or `=https://…`) names the page a drill-down export is about: the value is
 * split at its last `=` when what follows is a path or an absolute URL.
 */
function parseInboundSource(
  value: string,
):
  | { file: string; required: true; target?: string }
  | { url: string; required: true; target?: string } {
  requireValue('--inbound', value);
  const split = value.lastIndexOf('=');
  const after = split > 0 ? value.slice(split + 1) : '';
  const isTarget =
    (after.startsWith('/') && !after.startsWith('//')) || /^https?:\/\/[^/]/i.test(after);
  const source = isTarget ? value.slice(0, split) : value;
  const target = isTarget ? { target: after } : {};
  return /^https?:\/\//i.test(source)
    ? { url: source, required: true, ...target }
    : { file: source, required: true, ...target };
}

/**
 * `--inbound-max-bytes`, `--html-max-bytes`: a whole number of bytes, or with K, M or G
 * (binary: 256M is 256 MiB).
 */
function parseBytes(flag: string, value: string): number {
  const match = /^(\d+)\s*([kmg])?(?:i?b)?$/i.exec(value.trim());
  const units = { k: 1024, m: 1024 ** 2, g: 1024 ** 3 } as const;
  const bytes = match
    ? Number(match[1]) * (match[2] ? units[match[2].toLowerCase() as 'k' | 'm' | 'g'] : 1)
    : Number.NaN;
  if (!Number.isSafeInteger(bytes) || bytes <= 0) {
    throw new UsageError(
      `${flag}: expected a number of bytes such as 536870912 or 512M, got "${value}"`,
    );
  }
  return bytes;
}

function parsePositive(flag: string, value: string): number {
  const number = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(number) || number <= 0) {
    throw new UsageError(`${flag}: expected a whole number above 0, got "${value}"`);
  }
  return number;
}

/**
 * A glob, or `/source/flags` for a regular expression. Paths look like `/a/b/` too, so a
 * value is a regular expression only when its body uses syntax globs do not
 * (`^ $ \ | ( ) +`) and its flags are valid: `/tags/js`, `/blog/gi` and `/docs/*\/` are
 * globs, `/^\/old\/$/` is a regex.
 */
function parseLinkPattern(value: string, flag = '--ignore-links'): string | RegExp {
  requireValue(flag, value);
  const match = /^\/(.+)\/([dgimsuvy]*)$/s.exec(value);
  if (!match || !/[\\^$()|+]/.test(match[1]!)) return value;
  try {
    return new RegExp(match[1]!, match[2]);
  } catch (error) {
    throw new UsageError(
      `${flag}: invalid regular expression ${value}: ${(error as Error).message}`,
    );
  }
}

/** A whole number of worker threads, 0 to 64. */
function parseWorkers(value: string): number {
  const workers = Number(value);
  if (!/^\d+$/.test(value.trim()) || workers > 64) {
    throw new UsageError(`--workers: expected a whole number from 0 to 64, got "${value}"`);
  }
  return workers;
}

/**
 * The `--external-*` flags. Values are checked by the options schema, which names what is
 * allowed; only the shape (a whole number, `host=Name: value`) is checked here.
 */
function parseExternalFlags(values: ReturnType<typeof parseRaw>['values']): ExternalFlagOptions {
  const external: ExternalFlagOptions = {};
  const text = (flag: string, value: string | undefined) =>
    value === undefined ? undefined : requireValue(flag, value);
  const count = (flag: string, value: string | undefined) =>
    value === undefined ? undefined : parseCount(flag, value);
  const time = (flag: string, value: string | undefined) =>
    value === undefined
      ? undefined
      : /^\d+$/.test(value.trim())
        ? Number(value)
        : requireValue(flag, value);
  const set = <K extends keyof ExternalFlagOptions>(
    key: K,
    value: ExternalFlagOptions[K] | undefined,
  ) => {
    if (value !== undefined) external[key] = value;
  };
  set('check', values['check-external']);
  set('cache', text('--external-cache', values['external-cache']));
  set('cacheErrors', text('--external-cache-errors', values['external-cache-errors']));
  set('concurrency', count('--external-concurrency', values['external-concurrency']));
  set('perHost', count('--external-per-host', values['external-per-host']));
  set('timeout', time('--external-timeout', values['external-timeout']));
  set('retries', count('--external-retries', values['external-retries']));
  set('maxRetryWait', time('--external-max-retry-wait', values['external-max-retry-wait']));
  set(
    'skip',
    values['external-skip']?.map((value) => parseLinkPattern(value, '--external-skip')),
  );
  set(
    'onlyHosts',
    values['external-only-hosts']?.map((host) => requireValue('--external-only-hosts', host)),
  );
  set('offline', values['external-offline']);
  set(
    'treatAsOk',
    values['external-treat-as-ok']?.flatMap((value) =>
      value.split(',').map((code) => parseCount('--external-treat-as-ok', code)),
    ),
  );
  set('checkFragments', values['external-fragments']);
  if (values['external-header'] !== undefined)
    external.headers = parseHeaders(values['external-header']);
  set('allowPrivateHosts', values['external-allow-private-hosts']);
  const hosts = values['external-affiliate-host']?.map((host) =>
    requireValue('--external-affiliate-host', host),
  );
  const params = values['external-affiliate-param']?.map((param) =>
    requireValue('--external-affiliate-param', param),
  );
  if (hosts || params)
    external.affiliates = { ...(hosts ? { hosts } : {}), ...(params ? { params } : {}) };
  return external;
}

/** A whole number, for counts and status codes. */
function parseCount(flag: string, value: string): number {
  if (!/^\d+$/.test(value.trim())) {
    throw new UsageError(`${flag}: expected a whole number, got ${JSON.stringify(value)}`);
  }
  return Number(value);
}

/** `--external-header 'docs.example.com=Authorization: Bearer …'`, repeatable; headers of a host add up. */
function parseHeaders(values: readonly string[]): Record<string, Record<string, string>> {
  const headers: Record<string, Record<string, string>> = {};
  for (const value of values) {
    const match = /^([^=\s]+)=([^:]+):\s?(.*)$/s.exec(value);
    if (!match) {
      throw new UsageError(
        `--external-header expects <host>=<Name>: <value>, e.g. 'docs.example.com=Authorization: Bearer …' (got ${JSON.stringify(value)})`,
      );
    }
    const host = match[1]!.toLowerCase();
    headers[host] = { ...headers[host], [match[2]!.trim()]: match[3]! };
  }
  return headers;
}

/** `--cache <dir>`, or `--no-cache` (parsed by `allowNegative` as false). */
function parseCache(value: string | boolean | undefined): string | false | undefined {
  if (value === undefined || value === false) return value;
  return requireValue('--cache', String(value));
}
