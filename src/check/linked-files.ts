/**
 * The files pages load that reference more files: stylesheets (`<link rel=stylesheet>`,
 * `<link rel=preload as=style>`, `@import` in a `<style>` or in another stylesheet) and web
 * app manifests (`<link rel=manifest>`). Each is read and parsed once for the whole site,
 * whatever number of pages load it; its references are resolved against its own URL, as
 * browsers resolve them (CSS Values 4, Web App Manifest), not against the pages'.
 *
 * Bounded: a file over its size limit is not read, an `@import` cycle is followed once
 * (every file is read at most once), and only files of the output are read.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseJson } from '@humanwhocodes/momoa';
import { listCssReferences } from '../extract/css-references.js';
import { createLinkResolver } from '../extract/resolve-link.js';
import { classifyCssMixedContent } from '../extract/resource-facts.js';
import { createLineIndex } from '../extract/source-lines.js';
import type { ExtractedLink, Position } from '../extract/types.js';
import type { ResolvedReference } from '../graph/resolve-references.js';
import type { SiteIndex, SitePage } from '../site/site-index.js';
import { decodePath, type SiteUrls } from '../site/url.js';

/** The largest stylesheet read (a generous framework bundle is a few MB). */
export const maxStylesheetBytes = 16 * 1024 * 1024;
/** The largest manifest read (a real one is a few KB). */
export const maxManifestBytes = 1024 * 1024;

/** A stylesheet or manifest of the output that pages load. */
export interface LinkedFile {
  kind: 'stylesheet' | 'manifest';
  /** URL path with base, as served (`/_astro/index.abc.css`). */
  path: string;
  /** File relative to the output folder, `/`-separated. */
  file: string;
  /** The pages that load it, directly or through `@import`s, in page order. */
  loadedBy: SitePage[];
  /**
   * Its references as links: element `stylesheet` (attribute `url()`, `@import`, …) or
   * `manifest` (attribute the member's path, `icons[0].src`), resolved against its URL.
   */
  references: ExtractedLink[];
  /** Why it was not read (too large, not JSON), or null. */
  problem: string | null;
}

/** What `readLinkedFiles` needs. */
export interface ReadLinkedFilesInput {
  /** The output folder. */
  dir: string;
  index: SiteIndex;
  references: Iterable<ResolvedReference>;
  urls: SiteUrls;
}

/** A file to read, and who loads it. */
interface Pending {
  kind: LinkedFile['kind'];
  path: string;
  loadedBy: Set<SitePage>;
}

/**
 * Find and read every stylesheet and manifest that pages load, and the stylesheets those
 * import, in a deterministic order (by path).
 */
export async function readLinkedFiles(input: ReadLinkedFilesInput): Promise<LinkedFile[]> {
  const { index, urls } = input;
  const byPath = new Map<string, Pending>();
  const note = (kind: LinkedFile['kind'], filePath: string, page: SitePage) => {
    let pending = byPath.get(filePath);
    if (!pending) {
      pending = { kind, path: filePath, loadedBy: new Set() };
      byPath.set(filePath, pending);
    }
    pending.loadedBy.add(page);
  };
  for (const { page, link, target } of input.references) {
    if (target.status !== 'file') continue;
    const kind = linkedKind(link);
    if (kind === 'stylesheet' && !isCssFile(target.file)) continue;
    if (kind !== null) note(kind, target.file, page);
  }

  const results = new Map<string, LinkedFile>();
  // Note: imports are followed breadth first; a file already read is not read again, so a
  // cycle ends, and the pages that load a file reach what it imports.
  const loadedDirectly = [...byPath.keys()].sort();
  const queue = [...loadedDirectly];
  const imports = new Map<string, Set<string>>();
  while (queue.length > 0) {
    const filePath = queue.shift()!;
    if (results.has(filePath)) continue;
    const pending = byPath.get(filePath)!;
    const read = await readLinkedFile(pending);
    results.set(filePath, read);
    for (const reference of read.references) {
      if (reference.attribute !== '@import' || reference.scope !== 'internal' || !reference.url)
        continue;
      const imported = index.resolvePath(new URL(reference.url).pathname);
      if (imported.status !== 'file' || !isCssFile(imported.file)) continue;
      let targets = imports.get(filePath);
      if (!targets) {
        targets = new Set();
        imports.set(filePath, targets);
      }
      targets.add(imported.file);
      if (!byPath.has(imported.file)) {
        byPath.set(imported.file, { kind: 'stylesheet', path: imported.file, loadedBy: new Set() });
      }
      if (!results.has(imported.file)) queue.push(imported.file);
    }
  }
  // Who loads an imported stylesheet: everyone who loads a file that imports it, directly
  // or not. One walk from each file pages load: each walk visits a file once, so a cycle
  // ends, and the work is the files each of those reaches.
  for (const root of loadedDirectly) {
    const loaders = byPath.get(root)!.loadedBy;
    const seen = new Set([root]);
    const walk = [root];
    while (walk.length > 0) {
      for (const to of imports.get(walk.pop()!) ?? []) {
        if (seen.has(to)) continue;
        seen.add(to);
        walk.push(to);
        const loadedBy = byPath.get(to)!.loadedBy;
        for (const page of loaders) loadedBy.add(page);
      }
    }
  }
  const order = new Map(index.pages.map((page, position) => [page, position]));
  return [...results.values()]
    .map((file) => ({
      ...file,
      loadedBy: [...byPath.get(file.path)!.loadedBy].sort((a, b) => order.get(a)! - order.get(b)!),
    }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));

  function toFile(filePath: string): string {
    return filePath.slice(decodePath(urls.base).length);
  }

  async function readLinkedFile(pending: Pending): Promise<LinkedFile> {
    const file = toFile(pending.path);
    const base: LinkedFile = {
      kind: pending.kind,
      path: pending.path,
      file,
      loadedBy: [],
      references: [],
      problem: null,
    };
    const limit = pending.kind === 'stylesheet' ? maxStylesheetBytes : maxManifestBytes;
    const absolute = path.join(input.dir, file);
    let text: string;
    try {
      const info = await stat(absolute);
      if (!info.isFile()) return { ...base, problem: 'it is not a regular file' };
      if (info.size > limit) {
        return {
          ...base,
          problem: `it is larger than ${formatBytes(limit)} (${formatBytes(info.size)}), so its references were not checked`,
        };
      }
      text = new TextDecoder('utf-8').decode(await readFile(absolute));
    } catch (error) {
      return { ...base, problem: `it cannot be read (${(error as Error).message})` };
    }
    const url = new URL(encodeURI(pending.path), urls.origin);
    const resolve = createLinkResolver(url, urls.internalOrigins, urls.base);
    if (pending.kind === 'stylesheet') {
      return { ...base, references: readStylesheet(text, resolve) };
    }
    const manifest = readManifest(text, resolve);
    return { ...base, references: manifest.references, problem: manifest.problem };
  }
}

/**
 * The linked files as the `ignore.links` matchers see them: each is the "page" of its own
 * references (so a pattern used only for them is not reported as matching nothing).
 */
export function linkedFilesAsPages(files: readonly LinkedFile[]): {
  path: string;
  file: string;
  facts: { title: null };
  links: ExtractedLink[];
}[] {
  return files.map((file) => ({
    path: file.path,
    file: file.file,
    facts: { title: null },
    links: file.references,
  }));
}

/** Whether a page's reference loads a stylesheet or a manifest, and which. */
function linkedKind(link: ExtractedLink): LinkedFile['kind'] | null {
  if (link.element === 'style' && link.attribute === '@import') return 'stylesheet';
  if (link.element !== 'link' || link.kind !== 'resource') return null;
  if (link.rel.includes('stylesheet')) return 'stylesheet';
  if (link.rel.includes('manifest')) return 'manifest';
  // Note: a preloaded stylesheet (`as=style`) is applied by a script (`onload`); the
  // caller reads only `.css` files.
  if (link.rel.includes('preload')) return 'stylesheet';
  return null;
}

/**
 * A file a host serves as `text/css`, which is the only type browsers apply as a stylesheet
 * (in standards mode): so only `.css` files are read.
 */
function isCssFile(file: string): boolean {
  return /\.css$/i.test(file.replace(/[?#].*$/, ''));
}

type Resolve = ReturnType<typeof createLinkResolver>;

/** A reference found in a linked file, as a link. */
function toLink(
  element: 'stylesheet' | 'manifest',
  attribute: string,
  href: string,
  resolve: Resolve,
  position: Position,
  mixedContent: ExtractedLink['mixedContent'],
): ExtractedLink {
  const resolved = resolve(href);
  const link: ExtractedLink = {
    element,
    attribute,
    kind: 'resource',
    href,
    url: resolved.url,
    scope: resolved.scope,
    rel: [],
    target: null,
    hreflang: null,
    text: '',
    textSource: 'none',
    placement: 'content',
    position,
  };
  if (mixedContent) link.mixedContent = mixedContent;
  return link;
}

/**
 * A stylesheet's references (fragment-only and relative custom-property URLs left out, as
 * for inline CSS), at their lines and columns.
 */
function readStylesheet(text: string, resolve: Resolve): ExtractedLink[] {
  // Note: a BOM is not part of the stylesheet (CSS Syntax's decode).
  const css = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const shift = css.length === text.length ? 0 : 1;
  const lines = createLineIndex(text);
  const links: ExtractedLink[] = [];
  for (const reference of listCssReferences(css)) {
    const href = reference.href.replace(/^[\t\n\f\r ]+|[\t\n\f\r ]+$/g, '');
    if (href === '' || href.startsWith('#')) continue;
    if (reference.inCustomProperty && !href.startsWith('/') && !/^[a-z][a-z\d+.-]*:/i.test(href))
      continue;
    links.push(
      toLink(
        'stylesheet',
        reference.construct,
        href,
        resolve,
        { type: 'source', ...lines.locate(reference.offset + shift) },
        classifyCssMixedContent(reference.destination),
      ),
    );
  }
  return links;
}

/** The members of a manifest that name image files, each a list of image resources. */
const imageLists = ['icons', 'screenshots'] as const;

/**
 * A web app manifest's images: `icons[].src`, `screenshots[].src` and
 * `shortcuts[].icons[].src`, resolved against the manifest's URL (Web App Manifest,
 * "process the image resources"), at their lines and columns. Not valid JSON: a problem,
 * since browsers then ignore the whole manifest.
 * https://www.w3.org/TR/appmanifest/#manifest-image-resources
 */
function readManifest(
  text: string,
  resolve: Resolve,
): { references: ExtractedLink[]; problem: string | null } {
  const json = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const shift = json.length === text.length ? 0 : 1;
  type Node = ReturnType<typeof parseJson>['body'];
  let body: Node;
  try {
    body = parseJson(json, { mode: 'json' }).body;
  } catch (error) {
    if (error instanceof RangeError) {
      return { references: [], problem: 'it is nested too deeply to read as JSON' };
    }
    const { line, column } = error as { line?: number; column?: number };
    const where = line === undefined ? '' : ` at line ${line}, column ${column}`;
    return {
      references: [],
      problem: `it is not valid JSON${where} (${(error as Error).message.replace(/\s*\(\d+:\d+\)$/, '')}), so browsers ignore it`,
    };
  }
  const references: ExtractedLink[] = [];
  const member = (node: Node | undefined, name: string): Node | undefined =>
    node?.type === 'Object'
      ? node.members.find((m) => m.name.type === 'String' && m.name.value === name)?.value
      : undefined;
  const images = (list: Node | undefined, at: string) => {
    if (list?.type !== 'Array') return;
    list.elements.forEach((element, i) => {
      const src = member(element.value, 'src');
      if (src?.type !== 'String') return;
      const href = src.value.trim();
      if (href === '') return;
      const { line, column } = src.loc.start;
      const position: Position = {
        type: 'source',
        line,
        column: line === 1 ? column + shift : column,
      };
      references.push(toLink('manifest', `${at}[${i}].src`, href, resolve, position, undefined));
    });
  };
  for (const name of imageLists) images(member(body, name), name);
  const shortcuts = member(body, 'shortcuts');
  if (shortcuts?.type === 'Array') {
    shortcuts.elements.forEach((shortcut, i) => {
      images(member(shortcut.value, 'icons'), `shortcuts[${i}].icons`);
    });
  }
  return { references, problem: null };
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MiB`
    : `${(bytes / 1024).toFixed(1)} KiB`;
}
