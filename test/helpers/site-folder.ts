import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { makeTempDir } from './temp-dir.js';

/** A minimal HTML page with `body` in `<main>`. */
export function page(body: string, head = ''): string {
  return `<!doctype html>\n<html lang="en">\n<head><title>t</title>${head}</head>\n<body>\n<main>\n${body}\n</main>\n</body>\n</html>\n`;
}

/** Write a static site (file → content) into a fresh temporary folder and return its path. */
export async function writeSite(files: Record<string, string>): Promise<string> {
  const dir = await makeTempDir('site-');
  await writeFiles(dir, files);
  return dir;
}

/** Write files (file → content) into `dir`, replacing the ones already there. */
export async function writeFiles(dir: string, files: Record<string, string>): Promise<void> {
  for (const [file, content] of Object.entries(files)) {
    const target = path.join(dir, file);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, content);
  }
}

/** An `i18n` input for `runLinkReport`: each locale's path is its one language code. */
export function i18nOf(
  defaultLocale: string,
  codes: readonly string[],
  prefixDefaultLocale: boolean,
): {
  defaultLocale: string;
  locales: { path: string; codes: string[] }[];
  prefixDefaultLocale: boolean;
} {
  return {
    defaultLocale,
    locales: codes.map((code) => ({ path: code, codes: [code] })),
    prefixDefaultLocale,
  };
}
