/**
 * The text of `astro-link-report --help`.
 */
import { findingTypes } from '../findings/definitions.js';
import { configFileNames } from './load-config.js';

/** Usage, every flag, exit codes and examples. */
export function renderHelp(): string {
  return `Usage: astro-link-report [dir] [options]

Read every HTML file of a built static site (Astro, Eleventy, Hugo, Jekyll, any
generator), build its link graph, report broken links and more, and exit non-zero
when findings reach the fail level.

Arguments:
  dir                        The build output folder (default: the config file's
                             dir, else ./dist)

Site:
  --site <url>               Deployed site URL, e.g. https://example.com; absolute
                             links to it count as internal
  --base <path>              Base path the site is served under, e.g. /docs/
  --trailing-slash <mode>    always | never | ignore (default: ignore)
  --build-format <format>    directory | file | preserve (default: guessed from
                             the files: file when most pages are x.html rather
                             than x/index.html)

Checks:
  --fail-on <level|types>    error | warning | info | none, or a comma-separated
                             list of finding types (default: error)
  --severity <type=level>    Change a finding type's level: error | warning |
                             info | off (repeatable)
  --ignore-pages <glob>      Leave out pages whose path matches (repeatable)
  --ignore-links <pattern>   Never report links matching a glob, or a regular
                             expression written /.../flags (repeatable)
  --no-fragments             Do not check #fragments against the target's ids
  --inbound <path|url>       Inbound-link export (Search Console, Ahrefs, …) to
                             join with the link graph (repeatable); add =/page/
                             for a drill-down's target: 'file.csv=/pricing/'
  --inbound-cache <dir>      Cache folder for downloaded exports
  --allow-bad-rows           Import the readable rows of an export with bad rows
                             (each bad line is a warning)
  --inbound-max-bytes <n>    Most bytes read from one export, e.g. 512M
                             (default: 256M)
  --inbound-max-rows <n>     Most rows of one export (default: 1000000)
  --html-max-bytes <n>       Most bytes read from one HTML file, e.g. 64M
                             (default: 16M); a larger page is an error
  --cache <dir>              Cache folder for results kept between runs
                             (default: the --inbound-cache folder)
  --no-cache                 Read and write no cache
  --baseline <file>          Findings in this file are known: they do not fail
                             the run; new ones do, fixed ones are listed
  --update-baseline          Write the --baseline file from this run's findings
  --site-kind <domain=kind>  Classify a linking site: social, forum, directory,
                             news or other (repeatable)
  --asset <glob=type>        Declare pages as linkable assets: tool, research,
                             glossary, case-study, infographic, guide or none
                             (repeatable)
  --generic-anchor <text>    A link text to report as generic; replaces the
                             default list (repeatable)

Outbound links (the external option):
  --check-external           Check every outbound URL over the network
                             (default: off; --no-check-external turns it off)
  --external-cache <dur>     Reuse results this long: 30m, 6h, 1d, 1w, 0s, *
                             (default: 1d)
  --external-cache-errors <dur>
                             Reuse 5xx, 429, timeout and network-error results
                             this long (default: 1h)
  --external-concurrency <n> Requests in flight at once (default: 16)
  --external-per-host <n>    Requests in flight to one host (default: 2)
  --external-timeout <time>  Time limit of a request: 10s, 500ms, or ms
                             (default: 10s)
  --external-retries <n>     Retries after 429, 5xx or a reset (default: 2)
  --external-max-retry-wait <time>
                             Longest wait before a retry (default: 60s)
  --external-skip <pattern>  Never request matching URLs: a glob on
                             host/path (linkedin.com/**), or /regex/
                             (repeatable)
  --external-only-hosts <host>
                             Check only URLs on this host and its subdomains
                             (repeatable)
  --external-offline         No requests: cached results, the rest unchecked
  --external-treat-as-ok <codes>
                             Status codes counted as ok, e.g. 403,999
  --external-fragments       Check #fragments of outbound links (GET, HTML)
  --external-header <host=Name: value>
                             Send a header to one host (repeatable)
  --external-allow-private-hosts
                             Also request localhost and private addresses
  --external-affiliate-host <host>
                             Another affiliate host for unqualified-sponsored
                             (repeatable)
  --external-affiliate-param <name[=value]>
                             Another affiliate query parameter (repeatable)

Output:
  -f, --format <format>      text | json | github | junit | sarif | markdown
                             (default: text)
                               text      summary and findings grouped by page
                               json      the report JSON on stdout
                               github    workflow commands (annotations) and a
                                         job summary in $GITHUB_STEP_SUMMARY
                               junit     JUnit XML (GitLab, Jenkins, Azure)
                               sarif     SARIF 2.1.0 (GitHub code scanning)
                               markdown  a summary for job summaries and
                                         pull-request comments
  --json <file>              Also write the JSON report to <file>
  --html <dir>               Also write the report page (index.html,
                             report.json, report.schema.json) to <dir>
  -q, --quiet                No progress or other notes on stderr
  --workers <n>              Parse HTML in <n> worker threads besides the main
                             thread (default: one per core but one on 2+
                             cores for 64 files or more, else 0: in process)
  --timings                  Print how long each stage took on stderr (under
                             node --expose-gc, also the heap each stage left)
  --color, --no-color        Force colors on or off (default: on a terminal,
                             unless NO_COLOR is set)

Other:
  -c, --config <file>        Config file (default: ${configFileNames[0]},
                             ${configFileNames[1]} or
                             ${configFileNames[2]} in the current folder);
                             flags win over it
  -h, --help                 Show this help
  -v, --version              Show the version

Exit codes:
  0  no findings at the fail level
  1  findings at the fail level
  2  usage, configuration or input error (the reason is on stderr)

Finding types:
${wrap(findingTypes.join(', '), 76, '  ')}

Examples:
  npx astro-link-report ./dist --site https://example.com --html report/
  npx astro-link-report ./public --base /docs/ --trailing-slash always --fail-on broken-link,broken-fragment
  npx astro-link-report ./dist --format github

Docs: https://www.npmjs.com/package/astro-link-report
`;
}

function wrap(text: string, width: number, indent: string): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && indent.length + line.length + 1 + word.length > width) {
      lines.push(indent + line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(indent + line);
  return lines.join('\n');
}
