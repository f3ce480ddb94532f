/**
 * Where a finding group is, as a file path relative to the repository root with a line and
 * column: the source line where its link is written when known (that is where it is fixed,
 * and it is in Git, so CI systems can show it on a diff), else the built file and line. The
 * CI formats (SARIF, JUnit, Markdown) share it.
 */
import type { Finding } from '../../findings/finding.js';
import type { FindingGroup } from '../../findings/groups.js';

/** The folders that file paths are made from, relative to the repository root. */
export interface LocationRoots {
  /** The build output folder, e.g. `dist` (`''` or `.` for the root itself). */
  outDir: string;
  /**
   * The project root (`writtenAt` paths are relative to it), e.g. `site` in a monorepo;
   * `''` when it is the repository root. @default ''
   */
  sourcePrefix?: string | undefined;
  /**
   * The config file (relative to the repository root) that findings with no file of their
   * own are shown on in formats that need a file for each (SARIF), e.g. `astro.config.mjs`.
   */
  configFile?: string | undefined;
}

/** A place in a file of the repository. */
export interface ResultLocation {
  /** Path relative to the repository root, `/`-separated. */
  file: string;
  /** 1-based; null when not known. */
  line: number | null;
  column: number | null;
  /** Whether it is the source line (false: the built file). */
  source: boolean;
}

/** The location of a group: its source line, else its first finding's built file and line. */
export function locateGroup(
  group: FindingGroup,
  first: Finding | undefined,
  roots: LocationRoots,
): ResultLocation | null {
  if (group.writtenAt) {
    const { file, line, column } = group.writtenAt;
    return { file: joinPath(roots.sourcePrefix ?? '', file), line, column, source: true };
  }
  if (!first?.file) return null;
  const position = first.link?.position;
  return {
    file: joinPath(roots.outDir, first.file),
    line: position?.type === 'source' ? position.line : null,
    column: position?.type === 'source' ? position.column : null,
    source: false,
  };
}

/** `a/b` + `c` → `a/b/c`, with `.` and `''` meaning the root. */
export function joinPath(folder: string, file: string): string {
  const prefix = folder
    .replace(/\\/g, '/')
    .replace(/\/+$/, '')
    .replace(/^(?:\.\/)+/, '');
  return prefix && prefix !== '.' ? `${prefix}/${file}` : file;
}
