// Builds fixture sites with the astro and astro-link-report installed next to this file (a
// scratch project of one Astro version, see astro-matrix.mjs), and prints what each build
// produced as JSON on stdout: the error that failed it, where the report was, its findings.
// Run from the scratch project: node astro-matrix-build.mjs <fixture>...
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'astro';
import linkReport from 'astro-link-report';

process.env.ASTRO_TELEMETRY_DISABLED = '1';
const privateFolder = '.astro/integrations/astro-link-report';

const results = {};
for (const name of process.argv.slice(2)) {
  const root = path.resolve('fixtures', name);
  // Note: a fixture whose config adds the integration is built as it is; the others get it
  // here, published into the output (the private default is covered by the former).
  const configured = readFileSync(path.join(root, 'astro.config.mjs'), 'utf8').includes(
    'astro-link-report',
  );
  const integrations = configured ? [] : [linkReport({ reportDir: '_link-report' })];
  let dir = null;
  const recordDir = {
    name: 'record-dir',
    hooks: { 'astro:build:done': ({ dir: done }) => (dir = fileURLToPath(done)) },
  };
  let error = null;
  delete process.env.NODE_ENV;
  try {
    await build({ root, logLevel: 'silent', integrations: [recordDir, ...integrations] });
  } catch (caught) {
    error = String(caught?.message ?? caught).split('\n')[0];
  }
  const folder = configured
    ? path.join(root, privateFolder)
    : dir && path.join(dir, '_link-report');
  const file = folder && path.join(folder, 'report.json');
  const report = file && existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null;
  results[name] = {
    error,
    report: folder ? path.relative(root, folder) : null,
    files: folder && existsSync(folder) ? readdirSync(folder).sort() : [],
    publishedInOutput: dir ? existsSync(path.join(dir, '_link-report')) : false,
    findings: (report?.findings ?? []).map((f) => {
      const at = f.writtenAt
        ? ` at ${f.writtenAt.file}:${f.writtenAt.line}:${f.writtenAt.column}`
        : '';
      return `${f.severity} ${f.type} ${f.page ?? '-'} ${f.link?.href ?? '-'}${at}`;
    }),
    pages: (report?.pages ?? []).map((p) => `${p.path} ${p.kind} ${p.file}`).sort(),
  };
}
process.stdout.write(`${JSON.stringify(results)}\n`);
