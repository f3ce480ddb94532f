/**
 * Global setup: temporary folders for the whole run, removed when it ends. Tests make their
 * folders inside them (`makeTempDir`, `makeBuildDir`), so nothing they write outlives the run.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** In the system's temporary folder. */
    tempRoot: string;
    /** Inside the repository (`test/.tmp/`), where built servers find `node_modules`. */
    buildRoot: string;
  }
}

export default function setup(project: TestProject): () => void {
  const tempRoot = mkdtempSync(path.join(tmpdir(), 'astro-link-report-tests-'));
  const repoTemp = fileURLToPath(new URL('../.tmp/', import.meta.url));
  mkdirSync(repoTemp, { recursive: true });
  const buildRoot = mkdtempSync(path.join(repoTemp, 'run-'));
  project.provide('tempRoot', tempRoot);
  project.provide('buildRoot', buildRoot);
  return () => {
    rmSync(tempRoot, { recursive: true, force: true });
    rmSync(buildRoot, { recursive: true, force: true });
  };
}
