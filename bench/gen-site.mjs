#!/usr/bin/env node
// The team's shared benchmark site generator (../shared/bench/gen-site.mjs in the project's
// workspace), kept here unchanged so `npm run bench` and the tests work from a fresh clone.
//
// Deterministic generator of a synthetic static-site output folder shaped like an
// Astro `dist/` built with build.format = 'directory' (every page is `path/index.html`).
//
//   node gen-site.mjs N [--out DIR] [--seed S]
//
// N            number of HTML pages (e.g. 1000, 10000, 50000)
// --out DIR    output folder (default /tmp/linkbench/site-N); it is wiped first
// --seed S     PRNG seed (default 42); same N + seed => byte-identical output
//
// Besides the pages it writes the assets the pages reference (/_astro/*.css|js|webp,
// fonts, favicon, rss.xml, robots.txt), an @astrojs/sitemap style sitemap-index.xml +
// sitemap-N.xml, and, NEXT TO the folder (not inside it), DIR.manifest.json with the
// ground truth: page count, orphan pages, broken internal links and broken fragments.

import fs from 'node:fs';
import path from 'node:path';

// ---------------------------------------------------------------- arguments
const argv = process.argv.slice(2);
let N = 1000;
let OUT = null;
let SEED = 42;
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  if (a === '--out') OUT = argv[++i];
  else if (a === '--seed') SEED = Number(argv[++i]);
  else if (/^\d+$/.test(a)) N = Number(a);
  else {
    console.error(`unknown argument ${a}\nusage: node gen-site.mjs N [--out DIR] [--seed S]`);
    process.exit(2);
  }
}
if (N < 100) {
  console.error('N must be >= 100');
  process.exit(2);
}
OUT = path.resolve(OUT ?? `/tmp/linkbench/site-${N}`);
const SITE = 'https://example.com';

// ---------------------------------------------------------------- PRNG
function mulberry32(a) {
  return function () {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
function hash32(...xs) {
  let h = 0x811c9dc5 ^ SEED;
  for (const x of xs) {
    h = Math.imul(h ^ (x & 0xffff), 0x01000193);
    h = Math.imul(h ^ (x >>> 16), 0x01000193);
    h ^= h >>> 13;
  }
  return h >>> 0;
}
const rngFor = (...xs) => mulberry32(hash32(...xs));
const R = {
  int: (rng, lo, hi) => lo + Math.floor(rng() * (hi - lo + 1)), // inclusive
  pick: (rng, arr) => arr[Math.floor(rng() * arr.length)],
};

// ---------------------------------------------------------------- vocabulary
const WORDS = (
  'astro build static site page link anchor route deploy content collection markdown schema ' +
  'component island hydrate client server render output folder asset image bundle vite plugin ' +
  'config layout slot prop style script module import export fetch cache header footer nav ' +
  'search index sitemap crawl broken redirect canonical feed theme dark light color font grid ' +
  'flex layout mobile desktop responsive performance speed metric budget audit lighthouse score ' +
  'accessible semantic heading section article aside figure caption table list item code block ' +
  'syntax highlight shiki prism token parser tree node visit walk transform remark rehype unified ' +
  'plugin pipeline compile emit write read stream buffer chunk worker thread queue batch parallel ' +
  'memory heap garbage collect profile trace flame graph benchmark baseline median variance sample ' +
  'quick simple robust modern legacy migrate upgrade release version change note guide tutorial ' +
  'recipe reference api endpoint request response status error warning check verify validate test ' +
  'coverage snapshot fixture mock stub integration unit end users teams projects small large growing ' +
  'the a an of to in for on with from by about into over after before under between through during ' +
  'without within along across behind beyond plus and or but so yet because while when where which ' +
  'how why what who this that these those it its we you they our your their is are was were be ' +
  'been being have has had do does did can could should would may might must will shall'
).split(/\s+/);
const TECH = WORDS.slice(0, 190);
const cap = (s) => s[0].toUpperCase() + s.slice(1);
const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const slugify = (s) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
function words(rng, n, vocab = WORDS) {
  const out = new Array(n);
  for (let i = 0; i < n; i++) out[i] = vocab[Math.floor(rng() * vocab.length)];
  return out;
}
const sentence = (rng) => cap(words(rng, R.int(rng, 7, 22)).join(' ')) + R.pick(rng, ['.', '.', '.', '?', '!', ':']);
const title = (rng, n = R.int(rng, 3, 8)) => words(rng, n, TECH).map(cap).join(' ');
const hex = (rng, n) => {
  let s = '';
  for (let i = 0; i < n; i++) s += '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_'[Math.floor(rng() * 63)];
  return s;
};

// ---------------------------------------------------------------- site model
const STATIC = ['/', '/about/', '/contact/', '/pricing/', '/privacy/', '/terms/', '/changelog/', '/careers/', '/press/', '/search/', '/tags/'];
const SECTIONS = [
  { key: 'blog', base: '/blog/', weight: 50 },
  { key: 'docs-start', base: '/docs/getting-started/', weight: 6 },
  { key: 'docs-guides', base: '/docs/guides/', weight: 10 },
  { key: 'docs-reference', base: '/docs/reference/', weight: 8 },
  { key: 'docs-api', base: '/docs/api/', weight: 8 },
  { key: 'docs-integrations', base: '/docs/integrations/', weight: 6 },
  { key: 'docs-deploy', base: '/docs/deployment/', weight: 4 },
  { key: 'recipes', base: '/recipes/', weight: 5 },
  { key: 'news', base: '/news/', weight: 3 },
];
const PER_LISTING = 20;
const NTAGS = Math.max(5, Math.min(60, Math.round(N / 200)));
const TAGS = [];
{
  const rng = rngFor(7, 7);
  const seen = new Set();
  while (TAGS.length < NTAGS) {
    const t = words(rng, R.int(rng, 1, 2), TECH).join('-');
    if (!seen.has(t)) seen.add(t), TAGS.push(t);
  }
}

// how many content pages fit so that static + tags + listings + content == N
const FIXED = STATIC.length + NTAGS;
const ORPHAN_RATE = 0.01;
function sectionCounts(C) {
  // content pages per section (by weight, exact), orphans per section (1%), listing pages per section
  const tw = SECTIONS.reduce((s, x) => s + x.weight, 0);
  let assigned = 0;
  return SECTIONS.map((s, i) => {
    const n = i === SECTIONS.length - 1 ? C - assigned : Math.floor((C * s.weight) / tw);
    assigned += n;
    const o = Math.round(n * ORPHAN_RATE);
    return { n, o, L: Math.max(1, Math.ceil((n - o) / PER_LISTING)) };
  });
}
const listingCount = (C) => sectionCounts(C).reduce((a, x) => a + x.L, 0);
let C = N - FIXED;
while (C > 0 && C + listingCount(C) > N - FIXED) C--;
const EXTRA_STATIC = N - FIXED - C - listingCount(C); // 0 or 1: filled with legal pages
for (let i = 0; i < EXTRA_STATIC; i++) STATIC.push(`/legal/notice-${i + 1}/`);

// content pages
const pages = []; // {url, kind, section, title, ids, tags, orphan}
const contentIdx = [];
{
  const rng = rngFor(11, 11);
  const counts = sectionCounts(C);
  // section of each content page: exact per-section quotas, order shuffled (seeded)
  const secOf = [];
  counts.forEach((c, k) => {
    for (let j = 0; j < c.n; j++) secOf.push(k);
  });
  for (let i = secOf.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [secOf[i], secOf[j]] = [secOf[j], secOf[i]];
  }
  const used = new Set();
  const perSec = SECTIONS.map(() => []);
  for (let i = 0; i < C; i++) {
    const sec = SECTIONS[secOf[i]];
    let slug;
    do slug = words(rng, R.int(rng, 2, 5), TECH).join('-') + '-' + i.toString(36);
    while (used.has(sec.base + slug));
    used.add(sec.base + slug);
    contentIdx.push(pages.length);
    perSec[secOf[i]].push(pages.length);
    pages.push({ url: `${sec.base}${slug}/`, kind: 'content', section: sec, slug, orphan: false });
  }
  // orphans: round(1%) of each section, chosen by a seeded shuffle
  perSec.forEach((arr, k) => {
    const order = arr.slice();
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rng() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (let q = 0; q < counts[k].o; q++) pages[order[q]].orphan = true;
  });
}
const linkable = contentIdx.filter((i) => !pages[i].orphan);
const bySection = new Map(SECTIONS.map((s) => [s.key, []]));
for (const i of linkable) bySection.get(pages[i].section.key).push(i);
const sibPos = new Map();
for (const arr of bySection.values()) arr.forEach((pi, k) => sibPos.set(pi, k));

// listing pages (pagination), which guarantees every non-orphan page is reachable
const listings = new Map(); // section key -> [pageIndex...]
for (const s of SECTIONS) {
  const items = bySection.get(s.key);
  const L = Math.max(1, Math.ceil(items.length / PER_LISTING));
  const arr = [];
  for (let k = 0; k < L; k++) {
    arr.push(pages.length);
    pages.push({
      url: k === 0 ? s.base : `${s.base}page/${k + 1}/`,
      kind: 'listing',
      section: s,
      listingNo: k,
      items: items.slice(Math.floor((k * items.length) / L), Math.floor(((k + 1) * items.length) / L)),
      orphan: false,
    });
  }
  listings.set(s.key, arr);
}
// tag pages
const tagPageIdx = new Map();
for (const t of TAGS) {
  tagPageIdx.set(t, pages.length);
  pages.push({ url: `/tags/${t}/`, kind: 'tag', tag: t, items: [], orphan: false });
}
// static pages
const staticIdx = new Map();
for (const u of STATIC) {
  staticIdx.set(u, pages.length);
  pages.push({ url: u, kind: 'static', orphan: false });
}
if (pages.length !== N) throw new Error(`internal: generated ${pages.length} pages, wanted ${N}`);

// per-page titles, headings (ids) and tags, derived from a per-page RNG so that any page
// can know the ids of any other page before it is rendered.
for (let i = 0; i < N; i++) {
  const p = pages[i];
  const rng = rngFor(101, i);
  p.title =
    p.kind === 'content'
      ? title(rng)
      : p.kind === 'listing'
        ? `${cap(p.section.key.replace('docs-', 'Docs: '))}${p.listingNo ? ` — page ${p.listingNo + 1}` : ''}`
        : p.kind === 'tag'
          ? `Posts tagged “${p.tag}”`
          : p.url === '/'
            ? 'Home'
            : cap(p.url.split('/').filter(Boolean).pop().replace(/-/g, ' '));
  const nh = p.kind === 'content' ? R.int(rng, 4, 10) : p.kind === 'static' ? R.int(rng, 2, 5) : 0;
  p.headings = [];
  const seen = new Set();
  for (let h = 0; h < nh; h++) {
    const text = title(rng, R.int(rng, 2, 6));
    let id = slugify(text);
    let k = 1;
    while (seen.has(id)) id = `${slugify(text)}-${k++}`;
    seen.add(id);
    p.headings.push({ text, id });
  }
  if (p.kind === 'content') {
    p.tags = [];
    const nt = R.int(rng, 1, 4);
    for (let t = 0; t < nt; t++) {
      const tag = R.pick(rng, TAGS);
      if (!p.tags.includes(tag)) p.tags.push(tag);
    }
    if (!p.orphan) for (const t of p.tags) {
      const tp = pages[tagPageIdx.get(t)];
      if (tp.items.length < 40) tp.items.push(i);
    }
  }
}

// external domains (a few hundred)
const DOMAINS = [];
{
  const rng = rngFor(13, 13);
  const tlds = ['com', 'com', 'com', 'io', 'dev', 'org', 'net', 'co.uk', 'de', 'app'];
  const seen = new Set();
  while (DOMAINS.length < 320) {
    const d = `${R.pick(rng, ['', '', 'www.', 'blog.', 'docs.'])}${words(rng, R.int(rng, 1, 2), TECH).join('')}${R.int(rng, 0, 3) ? '' : R.int(rng, 2, 99)}.${R.pick(rng, tlds)}`;
    if (!seen.has(d)) seen.add(d), DOMAINS.push(d);
  }
}
const REL = ['noopener noreferrer', 'noopener noreferrer', 'nofollow', 'nofollow noopener', 'sponsored', 'sponsored nofollow', 'ugc', 'ugc nofollow', null, null, 'external'];

// assets
const IMAGES = [];
{
  const rng = rngFor(17, 17);
  for (let i = 0; i < 200; i++) IMAGES.push({ base: `/_astro/${words(rng, 1, TECH)[0]}-${i}.${hex(rng, 8)}`, w: R.pick(rng, [1200, 1600, 2000]), h: R.pick(rng, [630, 800, 900, 1200]) });
}
const CSS_FILES = ['/_astro/index.BxK3m2aQ.css', '/_astro/Layout.D9qf0rT1.css', '/_astro/docs.C1x7Yw2e.css'];
const JS_FILES = ['/_astro/hoisted.Dq3vKx9a.js', '/_astro/client.Cq1pL0Zs.js', '/_astro/Counter.B7ytR4mE.js', '/_astro/Search.Dk29sLmN.js', '/_astro/page.CUvd8X1z.js'];
const FONT = '/fonts/inter-var.woff2';

// ---------------------------------------------------------------- shared blobs (site-wide inline CSS / JS variants)
function cssBlob(rng, rules) {
  const props = ['margin', 'padding', 'color', 'background', 'font-size', 'line-height', 'display', 'gap', 'border-radius', 'max-width', 'grid-template-columns', 'transition', 'box-shadow', 'font-weight', 'letter-spacing', 'opacity', 'transform'];
  const vals = ['0', '1rem', '.5rem 1rem', 'var(--accent)', 'var(--gray-900)', 'flex', 'grid', '1.6', '700', 'none', 'calc(100% - 2rem)', 'repeat(auto-fill,minmax(18rem,1fr))', 'all .2s ease-in-out', '0 1px 3px rgb(0 0 0/.12)', 'translateY(-2px)', '-0.01em', 'hsl(220 14% 96%)'];
  const out = [];
  for (let i = 0; i < rules; i++) {
    const cid = hex(rng, 8).toLowerCase();
    const sel = `${R.pick(rng, ['.', '.', '', '#'])}${R.pick(rng, TECH)}${R.pick(rng, ['', '-item', '-link', '-title', '__body', '--active'])}[data-astro-cid-${cid}]${R.pick(rng, ['', ':hover', ' a', ' > li', ':focus-visible', '::before'])}`;
    const decl = [];
    const nd = R.int(rng, 2, 7);
    for (let d = 0; d < nd; d++) decl.push(`${R.pick(rng, props)}:${R.pick(rng, vals)}`);
    out.push(`${sel}{${decl.join(';')}}`);
    if (rng() < 0.05) out.push(`@media (min-width:${R.pick(rng, [640, 768, 1024, 1280])}px){${sel}{${decl[0]}}}`);
  }
  return `:root{--accent:#7c3aed;--accent-dark:#4c1d95;--gray-900:#111827;--font:"Inter Variable",system-ui,sans-serif}` + out.join('');
}
function jsBlob(rng, stmts) {
  const out = ['(()=>{'];
  for (let i = 0; i < stmts; i++) {
    const v = `_${i.toString(36)}${hex(rng, R.int(rng, 0, 3)).replace(/[^A-Za-z0-9_]/g, '')}`; // unique per blob: inline JS must parse
    switch (R.int(rng, 0, 4)) {
      case 0: out.push(`const ${v}=document.querySelectorAll("[data-${R.pick(rng, TECH)}]");${v}.forEach(e=>e.addEventListener("click",()=>e.classList.toggle("is-open")));`); break;
      case 1: out.push(`const ${v}=localStorage.getItem("${R.pick(rng, TECH)}")??"${R.pick(rng, ['light', 'dark', 'auto'])}";document.documentElement.dataset.${R.pick(rng, TECH)}=${v};`); break;
      case 2: out.push(`if(window.matchMedia("(prefers-reduced-motion: reduce)").matches&&${R.int(rng, 1, 9)}<${R.int(rng, 1, 9)}){document.body.classList.add("${R.pick(rng, TECH)}")}`); break;
      case 3: out.push(`function ${v}(t){return t.replace(/[<>&]/g,c=>({"<":"&lt;",">":"&gt;","&":"&amp;"})[c])}`); break;
      default: out.push(`window.__${R.pick(rng, TECH)}=${JSON.stringify({ id: hex(rng, 6), n: R.int(rng, 0, 1e6), ok: rng() < 0.5 })};`);
    }
  }
  out.push('})();');
  return out.join('');
}
const SITE_CSS = [0, 1, 2, 3].map((v) => cssBlob(rngFor(23, v), 40 + v * 15));
const SITE_JS = [0, 1, 2].map((v) => jsBlob(rngFor(29, v), 25 + v * 10));
const ICONS = {};
for (const name of ['home', 'book', 'code', 'rss', 'search', 'sun', 'moon', 'github', 'mastodon', 'x', 'discord', 'youtube', 'linkedin', 'arrow']) {
  const rng = rngFor(31, name.length * 97 + name.charCodeAt(0));
  const d = [];
  for (let k = 0; k < R.int(rng, 6, 18); k++) d.push(`${R.pick(rng, ['M', 'L', 'C', 'Q'])}${(rng() * 24).toFixed(2)} ${(rng() * 24).toFixed(2)}`);
  ICONS[name] = `<svg width="20" height="20" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="1.5" aria-hidden="true" data-icon="${name}"><path d="${d.join(' ')}Z"></path></svg>`;
}

// ---------------------------------------------------------------- link helpers
const stats = {
  pages: N,
  htmlBytes: 0,
  assetBytes: 0,
  internalLinks: 0, // <a href> resolving to this site (nav + content + listings ...)
  contentInternalLinks: 0, // in-content internal links (where broken ones are injected)
  relativeLinks: 0,
  fragmentLinks: 0, // cross-page links with #fragment
  sameDocFragments: 0,
  externalLinks: 0,
  mailtoTel: 0,
  images: 0,
  brokenInternal: [], // [fromUrl, href]
  brokenFragments: [], // [fromUrl, href]
  orphans: [],
};
const siteWideNav = []; // built once
function navLink(href, text, icon) {
  return `<li><a href="${href}" class="nav-link" data-astro-cid-hdr4k2>${icon ? ICONS[icon] : ''}<span>${esc(text)}</span></a></li>`;
}

function header(curUrl) {
  // ~14 internal links + theme button
  const items = [
    ['/', 'Home', 'home'],
    ['/blog/', 'Blog', 'rss'],
    ['/docs/getting-started/', 'Get started', 'book'],
    ['/docs/guides/', 'Guides', 'book'],
    ['/docs/reference/', 'Reference', 'code'],
    ['/docs/api/', 'API', 'code'],
    ['/docs/integrations/', 'Integrations', null],
    ['/docs/deployment/', 'Deploy', null],
    ['/recipes/', 'Recipes', null],
    ['/news/', 'News', null],
    ['/pricing/', 'Pricing', null],
    ['/search/', 'Search', 'search'],
  ];
  const lis = items.map(([h, t, i]) => navLink(h, t, i).replace('class="nav-link"', h === curUrl ? 'class="nav-link active" aria-current="page"' : 'class="nav-link"'));
  return (
    `<a href="#main-content" class="skip-link" data-astro-cid-hdr4k2>Skip to content</a>` +
    `<header class="site-header" data-astro-cid-hdr4k2><div class="container"><a href="/" class="brand" aria-label="Example home">${ICONS.home}<span>Example</span></a>` +
    `<nav aria-label="Main"><ul class="nav-list">${lis.join('')}</ul></nav>` +
    `<button type="button" class="theme-toggle" aria-label="Toggle theme">${ICONS.sun}${ICONS.moon}</button>` +
    `<a href="https://github.com/example/example" class="social" rel="noopener noreferrer" target="_blank">${ICONS.github}</a></div></header>`
  );
}
function footer() {
  // ~26 internal + 6 social + mailto + tel
  const cols = [
    ['Product', [['/pricing/', 'Pricing'], ['/changelog/', 'Changelog'], ['/docs/getting-started/', 'Quick start'], ['/docs/integrations/', 'Integrations'], ['/docs/deployment/', 'Deployment'], ['/recipes/', 'Recipes']]],
    ['Docs', [['/docs/guides/', 'Guides'], ['/docs/reference/', 'Reference'], ['/docs/api/', 'API reference'], ['/search/', 'Search the docs'], ['/tags/', 'All topics']]],
    ['Company', [['/about/', 'About us'], ['/careers/', 'Careers'], ['/press/', 'Press kit'], ['/contact/', 'Contact'], ['/blog/', 'Blog'], ['/news/', 'News']]],
    ['Legal', [['/privacy/', 'Privacy policy'], ['/terms/', 'Terms of service'], ...STATIC.filter((u) => u.startsWith('/legal/')).map((u) => [u, 'Legal notice'])]],
  ];
  const social = [
    ['https://github.com/example', 'github'],
    ['https://mastodon.social/@example', 'mastodon'],
    ['https://x.com/example', 'x'],
    ['https://discord.gg/example', 'discord'],
    ['https://www.youtube.com/@example', 'youtube'],
    ['https://www.linkedin.com/company/example', 'linkedin'],
  ];
  return (
    `<footer class="site-footer" data-astro-cid-ftr9z1><div class="container"><div class="footer-grid">` +
    cols.map(([h, ls]) => `<div><h2 class="footer-title">${h}</h2><ul>${ls.map(([u, t]) => `<li><a href="${u}" data-astro-cid-ftr9z1>${t}</a></li>`).join('')}</ul></div>`).join('') +
    `</div><div class="footer-social">${social.map(([u, i]) => `<a href="${u}" rel="me noopener noreferrer" target="_blank" aria-label="${i}">${ICONS[i]}</a>`).join('')}</div>` +
    `<p class="contact">Write to <a href="mailto:hello@example.com">hello@example.com</a> or call <a href="tel:+15555550123">+1 (555) 555-0123</a>.</p>` +
    `<p class="copy">© 2026 Example Inc. Built with <a href="https://astro.build" rel="noopener noreferrer" target="_blank">Astro</a>. <a href="/rss.xml">RSS</a> · <a href="/sitemap-index.xml">Sitemap</a></p>` +
    `</div></footer>`
  );
}
function head(p, rng, cssVariant, jsVariant) {
  const desc = esc(sentence(rng) + ' ' + sentence(rng));
  const url = SITE + p.url;
  const img = R.pick(rng, IMAGES);
  const ld = JSON.stringify({
    '@context': 'https://schema.org',
    '@type': p.kind === 'content' ? 'BlogPosting' : 'WebPage',
    headline: p.title,
    url,
    datePublished: `202${R.int(rng, 0, 6)}-0${R.int(rng, 1, 9)}-1${R.int(rng, 0, 9)}`,
    author: { '@type': 'Person', name: cap(R.pick(rng, TECH)) + ' ' + cap(R.pick(rng, TECH)) },
    image: SITE + img.base + '.webp',
    keywords: (p.tags ?? []).join(','),
  });
  const extraCss = rng() < 0.5 ? cssBlob(rng, R.int(rng, 5, 40)) : '';
  const extraJs = rng() < 0.5 ? jsBlob(rng, R.int(rng, 3, 25)) : '';
  return (
    `<head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">` +
    `<link rel="icon" type="image/svg+xml" href="/favicon.svg"><meta name="generator" content="Astro v4.16.18">` +
    `<link rel="preload" href="${FONT}" as="font" type="font/woff2" crossorigin>` +
    `<link rel="canonical" href="${url}"><link rel="sitemap" href="/sitemap-index.xml"><link rel="alternate" type="application/rss+xml" title="Example" href="${SITE}/rss.xml">` +
    `<title>${esc(p.title)} | Example</title><meta name="title" content="${esc(p.title)} | Example"><meta name="description" content="${desc}">` +
    `<meta property="og:type" content="${p.kind === 'content' ? 'article' : 'website'}"><meta property="og:url" content="${url}"><meta property="og:title" content="${esc(p.title)}"><meta property="og:description" content="${desc}"><meta property="og:image" content="${SITE}${img.base}.webp">` +
    `<meta property="twitter:card" content="summary_large_image"><meta property="twitter:url" content="${url}"><meta property="twitter:title" content="${esc(p.title)}"><meta property="twitter:description" content="${desc}"><meta property="twitter:image" content="${SITE}${img.base}.webp">` +
    `<link rel="stylesheet" href="${CSS_FILES[0]}">${p.section?.key?.startsWith('docs') ? `<link rel="stylesheet" href="${CSS_FILES[2]}">` : ''}` +
    `<style>${SITE_CSS[cssVariant]}</style>${extraCss ? `<style>${extraCss}</style>` : ''}` +
    `<script type="module" src="${JS_FILES[0]}"></script><script>${SITE_JS[jsVariant]}</script>${extraJs ? `<script type="module">${extraJs}</script>` : ''}` +
    `<script type="application/ld+json">${ld}</script></head>`
  );
}

// in-content internal link: returns the <a> markup, records ground truth
function contentLink(rng, p, self) {
  stats.contentInternalLinks++;
  stats.internalLinks++;
  const broken = rng() < 0.005;
  let target;
  const r = rng();
  if (r < 0.55 && p.section) {
    const sib = bySection.get(p.section.key);
    target = sib.length ? pages[R.pick(rng, sib)] : pages[R.pick(rng, linkable)];
  } else if (r < 0.9) target = pages[R.pick(rng, linkable)];
  else if (r < 0.95) target = pages[tagPageIdx.get(R.pick(rng, TAGS))];
  else target = pages[staticIdx.get(R.pick(rng, STATIC))];
  const text = esc(
    R.pick(rng, [
      () => target.title,
      () => words(rng, R.int(rng, 2, 5)).join(' '),
      () => 'read more',
      () => 'this guide',
      () => 'here',
      () => `the ${R.pick(rng, TECH)} docs`,
      () => `${cap(R.pick(rng, TECH))} ${R.pick(rng, TECH)}`,
    ])(),
  );
  let href;
  if (broken) {
    href = R.pick(rng, [
      () => `${target.url}${R.pick(rng, ['old', 'draft', 'v2', 'index'])}/`,
      () => target.url.replace(/\/$/, '-' + R.pick(rng, ['2', 'old', 'draft']) + '/'),
      () => `${p.section ? p.section.base : '/blog/'}${words(rng, 3, TECH).join('-')}/`,
    ])();
    stats.brokenInternal.push([p.url, href]);
  } else {
    href = target.url;
    // relative link to a sibling in the same folder
    if (p.kind === 'content' && target.kind === 'content' && target.section === p.section && target !== self && rng() < 0.15) {
      href = `../${target.slug}/`;
      stats.relativeLinks++;
    }
    if (target.headings?.length && rng() < 0.15) {
      stats.fragmentLinks++;
      if (rng() < 0.05) {
        const frag = slugify(title(rng, 2)) + '-' + R.pick(rng, ['old', 'legacy', 'x']);
        href += '#' + frag;
        stats.brokenFragments.push([p.url, href]);
      } else href += '#' + R.pick(rng, target.headings).id;
    }
  }
  const attrs = [`href="${href}"`];
  if (rng() < 0.2) attrs.push(`title="${esc(target.title)}"`);
  if (rng() < 0.3) attrs.push('data-astro-prefetch');
  if (rng() < 0.1) attrs.push('class="link-internal"');
  return `<a ${attrs.join(' ')}>${text}</a>`;
}
function externalLink(rng) {
  stats.externalLinks++;
  const d = R.pick(rng, DOMAINS);
  const pathPart = R.int(rng, 0, 3) ? '/' + words(rng, R.int(rng, 1, 3), TECH).join('/') + R.pick(rng, ['', '/', '.html', '?utm_source=example&amp;utm_medium=blog', '#intro']) : '/';
  const rel = R.pick(rng, REL);
  const attrs = [`href="${R.int(rng, 0, 9) ? 'https' : 'http'}://${d}${pathPart}"`];
  if (rel) attrs.push(`rel="${rel}"`);
  if (rng() < 0.5) attrs.push('target="_blank"');
  return `<a ${attrs.join(' ')}>${esc(R.int(rng, 0, 2) ? words(rng, R.int(rng, 1, 4)).join(' ') : d)}</a>`;
}
function figure(rng) {
  stats.images++;
  const img = R.pick(rng, IMAGES);
  const srcset = [400, 800, 1200].map((w) => `${img.base}_${w}w.webp ${w}w`).join(', ');
  return (
    `<figure><img src="${img.base}.webp" srcset="${srcset}" sizes="(max-width: 800px) 100vw, 800px" alt="${esc(words(rng, R.int(rng, 3, 9)).join(' '))}" width="${img.w}" height="${img.h}" loading="lazy" decoding="async">` +
    `<figcaption>${esc(sentence(rng))}</figcaption></figure>`
  );
}
function paragraph(rng, p, linkBudget) {
  const parts = [];
  const ns = R.int(rng, 2, 7);
  for (let s = 0; s < ns; s++) {
    let t = esc(sentence(rng));
    if (rng() < 0.15) t = t.replace(/ (\w+) /, ' <code>$1</code> ');
    if (rng() < 0.1) t = t.replace(/ (\w+ \w+) /, ' <strong>$1</strong> ');
    if (rng() < 0.1) t = t.replace(/ (\w+) /, ' <em>$1</em> ');
    parts.push(t);
    if (linkBudget.internal > 0 && rng() < 0.45) {
      linkBudget.internal--;
      parts.push(contentLink(rng, p, p) + '.');
    }
    if (linkBudget.external > 0 && rng() < 0.2) {
      linkBudget.external--;
      parts.push('See ' + externalLink(rng) + '.');
    }
  }
  if (rng() < 0.03) {
    stats.mailtoTel++;
    parts.push(`Questions? <a href="mailto:${R.pick(rng, ['support', 'sales', 'docs'])}@example.com?subject=${encodeURIComponent(p.title).slice(0, 40)}">Email us</a>.`);
  }
  return `<p>${parts.join(' ')}</p>`;
}
function codeBlock(rng) {
  const lines = [];
  for (let l = 0; l < R.int(rng, 3, 18); l++) {
    lines.push(`<span class="line"><span style="color:#F97583">${R.pick(rng, ['const', 'import', 'export', 'await', 'return'])}</span><span style="color:#E1E4E8"> ${R.pick(rng, TECH)}</span><span style="color:#F97583"> =</span><span style="color:#9ECBFF"> "${esc(words(rng, 2, TECH).join('-'))}"</span><span style="color:#E1E4E8">;</span></span>`);
  }
  return `<pre class="astro-code github-dark" style="background-color:#24292e;color:#e1e4e8;overflow-x:auto" tabindex="0" data-language="ts"><code>${lines.join('\n')}</code></pre>`;
}
function island(rng) {
  const items = [];
  for (let k = 0; k < R.int(rng, 5, 40); k++) items.push([0, { id: [0, hex(rng, 6)], label: [0, words(rng, R.int(rng, 1, 4)).join(' ')], n: [0, R.int(rng, 0, 999)] }]);
  const props = esc(JSON.stringify({ items: [1, items], mode: [0, R.pick(rng, ['grid', 'list'])] }));
  return (
    `<astro-island uid="Z${hex(rng, 8)}" prefix="r${R.int(rng, 1, 20)}" component-url="${R.pick(rng, JS_FILES.slice(2))}" component-export="default" renderer-url="${JS_FILES[1]}" props="${props}" ssr="" client="visible" opts="{&quot;name&quot;:&quot;Widget&quot;,&quot;value&quot;:true}" await-children="">` +
    `<div class="widget"><ul>${items.slice(0, 8).map((it) => `<li>${esc(it[1].label[1])}</li>`).join('')}</ul></div></astro-island>`
  );
}

function layout(p, rng, main) {
  const cssVariant = R.int(rng, 0, 3);
  const jsVariant = R.int(rng, 0, 2);
  // nav + footer links: counted once per page
  return (
    `<!DOCTYPE html><html lang="en" data-theme="light">${head(p, rng, cssVariant, jsVariant)}` +
    `<body class="${p.kind}">${header(p.url)}<main id="main-content" data-astro-cid-main01>${main}</main>${footer()}` +
    `<script type="module" src="${JS_FILES[4]}"></script></body></html>`
  );
}
function breadcrumbs(p) {
  const segs = p.url.split('/').filter(Boolean);
  const crumbs = ['<a href="/">Home</a>'];
  // only link ancestors that exist as pages (section roots)
  if (p.section) crumbs.push(`<a href="${p.section.base}">${esc(cap(p.section.key.replace('docs-', '')))}</a>`);
  else if (p.kind === 'tag') crumbs.push('<a href="/tags/">Tags</a>');
  crumbs.push(`<span aria-current="page">${esc(p.title)}</span>`);
  stats.internalLinks += crumbs.length - 1;
  void segs;
  return `<nav class="breadcrumbs" aria-label="Breadcrumb"><ol>${crumbs.map((c) => `<li>${c}</li>`).join('')}</ol></nav>`;
}

function renderContent(i) {
  const p = pages[i];
  const rng = rngFor(202, i);
  const targetBytes = R.int(rng, 8000, 32000); // body budget; head/nav/footer add ~8-25 KB
  const budget = { internal: R.int(rng, 5, 30), external: R.int(rng, 2, 12) };
  const body = [];
  body.push(breadcrumbs(p));
  body.push(`<h1 id="_top">${esc(p.title)}</h1>`);
  body.push(`<div class="meta"><time datetime="2025-0${R.int(rng, 1, 9)}-1${R.int(rng, 0, 9)}">${R.int(rng, 1, 28)} ${R.pick(rng, ['Jan', 'Mar', 'Jun', 'Sep', 'Nov'])} 2025</time> · <a href="/about/">${cap(R.pick(rng, TECH))} ${cap(R.pick(rng, TECH))}</a> · ${R.int(rng, 2, 25)} min read</div>`);
  stats.internalLinks++;
  // table of contents (same-document fragments)
  body.push(`<nav class="toc" aria-label="On this page"><h2>On this page</h2><ul>${p.headings.map((h) => `<li><a href="#${h.id}">${esc(h.text)}</a></li>`).join('')}<li><a href="#_top">Back to top</a></li></ul></nav>`);
  stats.sameDocFragments += p.headings.length + 1;
  body.push(`<div class="prose" data-pagefind-body>`);
  let size = body.reduce((s, x) => s + x.length, 0);
  let h = 0;
  let guard = 0;
  while ((size < targetBytes || h < p.headings.length) && guard++ < 400) {
    let chunk = '';
    if (h < p.headings.length && (rng() < 0.25 || size > targetBytes)) {
      const hd = p.headings[h++];
      chunk = `<h2 id="${hd.id}"><a class="heading-anchor" href="#${hd.id}" aria-hidden="true" tabindex="-1">#</a>${esc(hd.text)}</h2>`;
      stats.sameDocFragments++;
    } else {
      const r = rng();
      if (r < 0.72) chunk = paragraph(rng, p, budget);
      else if (r < 0.8) chunk = figure(rng);
      else if (r < 0.88) chunk = codeBlock(rng);
      else if (r < 0.92) chunk = `<blockquote><p>${esc(sentence(rng))}</p></blockquote>`;
      else if (r < 0.96) chunk = `<ul>${Array.from({ length: R.int(rng, 3, 8) }, () => `<li>${esc(sentence(rng))}</li>`).join('')}</ul>`;
      else if (r < 0.985) chunk = island(rng);
      else chunk = `<table><thead><tr><th>${title(rng, 1)}</th><th>${title(rng, 1)}</th></tr></thead><tbody>${Array.from({ length: R.int(rng, 2, 8) }, () => `<tr><td>${esc(words(rng, 3).join(' '))}</td><td><code>${R.int(rng, 0, 9999)}</code></td></tr>`).join('')}</tbody></table>`;
    }
    body.push(chunk);
    size += chunk.length;
  }
  // links still in budget: a "further reading" list
  const more = [];
  while (budget.internal > 0) budget.internal--, more.push(`<li>${contentLink(rng, p, p)}</li>`);
  while (budget.external > 0) budget.external--, more.push(`<li>${externalLink(rng)}</li>`);
  if (more.length) body.push(`<h2>Further reading</h2><ul class="further">${more.join('')}</ul>`);
  body.push(`</div>`);
  // tags + related (site structure links, never broken)
  body.push(`<div class="tags">${p.tags.map((t) => `<a href="/tags/${t}/" class="tag" rel="tag">#${t}</a>`).join(' ')}</div>`);
  stats.internalLinks += p.tags.length;
  const sib = bySection.get(p.section.key);
  const rel = [];
  for (let k = 0; k < 4 && sib.length > 1; k++) {
    const t = pages[R.pick(rng, sib)];
    if (t !== p) rel.push(`<li><a href="${t.url}">${esc(t.title)}</a></li>`);
  }
  stats.internalLinks += rel.length;
  body.push(`<aside class="related"><h2>Related</h2><ul>${rel.join('')}</ul></aside>`);
  // prev / next within the section listing order
  const idx = sib.length && p.orphan ? -1 : sibPos.get(i) ?? -1;
  const pn = [];
  if (idx > 0) pn.push(`<a href="${pages[sib[idx - 1]].url}" rel="prev">← ${esc(pages[sib[idx - 1]].title)}</a>`);
  if (idx >= 0 && idx < sib.length - 1) pn.push(`<a href="${pages[sib[idx + 1]].url}" rel="next">${esc(pages[sib[idx + 1]].title)} →</a>`);
  stats.internalLinks += pn.length;
  body.push(`<nav class="pagination">${pn.join('')}</nav>`);
  return layout(p, rng, `<article>${body.join('')}</article>`);
}
function card(rng, t) {
  const img = R.pick(rng, IMAGES);
  stats.internalLinks += 1 + t.tags.length;
  stats.images++;
  return (
    `<li class="card"><a href="${t.url}" class="card-link"><img src="${img.base}_400w.webp" alt="" width="400" height="225" loading="lazy" decoding="async"><h3>${esc(t.title)}</h3></a>` +
    `<p>${esc(sentence(rng))} ${esc(sentence(rng))}</p><div class="tags">${t.tags.map((g) => `<a href="/tags/${g}/" rel="tag">#${g}</a>`).join(' ')}</div></li>`
  );
}
function renderListing(i) {
  const p = pages[i];
  const rng = rngFor(303, i);
  const arr = listings.get(p.section.key);
  const body = [breadcrumbs(p), `<h1>${esc(p.title)}</h1><p class="lead">${esc(sentence(rng))}</p><ul class="cards">`];
  for (const t of p.items) body.push(card(rng, pages[t]));
  body.push('</ul>');
  // pagination: first, last, +-2, prev, next
  const k = p.listingNo;
  const L = arr.length;
  const nums = new Set([0, L - 1, k - 2, k - 1, k + 1, k + 2].filter((x) => x >= 0 && x < L && x !== k));
  const links = [];
  if (k > 0) links.push(`<a href="${pages[arr[k - 1]].url}" rel="prev">Previous</a>`);
  for (const x of [...nums].sort((a, b) => a - b)) links.push(`<a href="${pages[arr[x]].url}">${x + 1}</a>`);
  if (k < L - 1) links.push(`<a href="${pages[arr[k + 1]].url}" rel="next">Next</a>`);
  stats.internalLinks += links.length;
  body.push(`<nav class="pagination" aria-label="Pagination">${links.join(' ')}</nav>`);
  // some prose so listings are not tiny
  for (let s = 0; s < R.int(rng, 2, 6); s++) body.push(`<p>${esc(sentence(rng))} ${esc(sentence(rng))}</p>`);
  return layout(p, rng, body.join(''));
}
function renderTag(i) {
  const p = pages[i];
  const rng = rngFor(404, i);
  const body = [breadcrumbs(p), `<h1>${esc(p.title)}</h1><ul class="cards">`];
  for (const t of p.items) body.push(card(rng, pages[t]));
  body.push('</ul>');
  return layout(p, rng, body.join(''));
}
function renderStatic(i) {
  const p = pages[i];
  const rng = rngFor(505, i);
  const budget = { internal: R.int(rng, 5, 15), external: R.int(rng, 1, 5) };
  const body = [];
  if (p.url !== '/') body.push(breadcrumbs(p));
  body.push(`<h1>${esc(p.title)}</h1>`);
  if (p.url === '/tags/') {
    body.push(`<ul class="tag-cloud">${TAGS.map((t) => `<li><a href="/tags/${t}/">#${t}</a></li>`).join('')}</ul>`);
    stats.internalLinks += TAGS.length;
  }
  if (p.url === '/') {
    // home: latest posts of every section
    body.push('<ul class="cards">');
    for (const s of SECTIONS) for (const t of bySection.get(s.key).slice(0, 3)) body.push(card(rng, pages[t]));
    body.push('</ul>');
  }
  for (const hd of p.headings) {
    body.push(`<h2 id="${hd.id}">${esc(hd.text)}</h2>`);
    for (let k = 0; k < R.int(rng, 2, 6); k++) body.push(paragraph(rng, p, budget));
    if (rng() < 0.3) body.push(figure(rng));
  }
  if (p.url === '/contact/') {
    body.push(`<p><a href="mailto:hello@example.com">hello@example.com</a> · <a href="tel:+15555550123">+1 555 555 0123</a> · <a href="tel:+445555550199">UK office</a></p>`);
    stats.mailtoTel += 3;
  }
  return layout(p, rng, `<div class="page">${body.join('')}</div>`);
}

// ---------------------------------------------------------------- write
const t0 = performance.now();
fs.rmSync(OUT, { recursive: true, force: true });
fs.mkdirSync(OUT, { recursive: true });
const madeDirs = new Set();
function writeFile(rel, data) {
  const abs = path.join(OUT, rel);
  const dir = path.dirname(abs);
  if (!madeDirs.has(dir)) {
    fs.mkdirSync(dir, { recursive: true });
    madeDirs.add(dir);
  }
  fs.writeFileSync(abs, data);
  return Buffer.byteLength(data);
}
// per-page site-wide link counts (header 12 nav + skip + brand = 13 internal; footer 22 + legal extras + rss + sitemap internal)
const NAV_INTERNAL = 13 + 22 + (STATIC.length - 11) + 2;
for (let i = 0; i < N; i++) {
  const p = pages[i];
  const html = p.kind === 'content' ? renderContent(i) : p.kind === 'listing' ? renderListing(i) : p.kind === 'tag' ? renderTag(i) : renderStatic(i);
  stats.internalLinks += NAV_INTERNAL;
  stats.externalLinks += 8; // github (header) + 6 social + astro
  stats.mailtoTel += 2;
  stats.sameDocFragments += 1; // skip link
  stats.htmlBytes += writeFile(p.url.slice(1) + 'index.html', html);
  if (p.orphan) stats.orphans.push(p.url);
}
// assets referenced by pages
{
  const rng = rngFor(41, 41);
  const blob = (n) => Buffer.from(Array.from({ length: n }, () => Math.floor(rng() * 256)));
  for (const img of IMAGES) {
    stats.assetBytes += writeFile(img.base.slice(1) + '.webp', blob(R.int(rng, 200, 900)));
    for (const w of [400, 800, 1200]) stats.assetBytes += writeFile(`${img.base.slice(1)}_${w}w.webp`, blob(R.int(rng, 100, 600)));
  }
  for (const [k, f] of CSS_FILES.entries()) stats.assetBytes += writeFile(f.slice(1), SITE_CSS[k % 4]);
  for (const [k, f] of JS_FILES.entries()) stats.assetBytes += writeFile(f.slice(1), SITE_JS[k % 3]);
  stats.assetBytes += writeFile(FONT.slice(1), blob(4096));
  stats.assetBytes += writeFile('favicon.svg', ICONS.home);
  stats.assetBytes += writeFile('robots.txt', `User-agent: *\nAllow: /\n\nSitemap: ${SITE}/sitemap-index.xml\n`);
  const recent = contentIdx.slice(0, 20).map((i) => pages[i]);
  stats.assetBytes += writeFile('rss.xml', `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Example</title><link>${SITE}/</link><description>Example blog</description>${recent.map((p) => `<item><title>${esc(p.title)}</title><link>${SITE}${p.url}</link><guid isPermaLink="true">${SITE}${p.url}</guid></item>`).join('')}</channel></rss>\n`);
  // @astrojs/sitemap: sitemap-index.xml + sitemap-K.xml (45000 URLs per file), orphans included
  const urls = pages.map((p) => p.url).sort();
  const chunks = [];
  for (let k = 0; k < urls.length; k += 45000) chunks.push(urls.slice(k, k + 45000));
  chunks.forEach((c, k) => {
    stats.assetBytes += writeFile(`sitemap-${k}.xml`, `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${c.map((u) => `<url><loc>${SITE}${u}</loc></url>`).join('')}</urlset>`);
  });
  stats.assetBytes += writeFile('sitemap-index.xml', `<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${chunks.map((_, k) => `<sitemap><loc>${SITE}/sitemap-${k}.xml</loc></sitemap>`).join('')}</sitemapindex>`);
}
const ms = performance.now() - t0;

const manifest = {
  generator: 'gen-site.mjs',
  seed: SEED,
  site: SITE,
  out: OUT,
  pages: N,
  contentPages: C,
  listingPages: pages.filter((p) => p.kind === 'listing').length,
  tagPages: NTAGS,
  staticPages: STATIC.length,
  htmlBytes: stats.htmlBytes,
  assetBytes: stats.assetBytes,
  totalBytes: stats.htmlBytes + stats.assetBytes,
  avgPageBytes: Math.round(stats.htmlBytes / N),
  internalLinks: stats.internalLinks,
  contentInternalLinks: stats.contentInternalLinks,
  relativeLinks: stats.relativeLinks,
  crossPageFragmentLinks: stats.fragmentLinks,
  sameDocFragmentLinks: stats.sameDocFragments,
  externalLinks: stats.externalLinks,
  externalDomains: DOMAINS.length,
  mailtoTelLinks: stats.mailtoTel,
  images: stats.images,
  brokenInternalLinks: stats.brokenInternal.length,
  brokenFragmentLinks: stats.brokenFragments.length,
  orphanPages: stats.orphans.length,
  brokenInternal: stats.brokenInternal,
  brokenFragments: stats.brokenFragments,
  orphans: stats.orphans,
};
fs.writeFileSync(OUT.replace(/\/$/, '') + '.manifest.json', JSON.stringify(manifest, null, 1));
console.log(
  `wrote ${OUT}: ${N} pages, html ${(stats.htmlBytes / 1e6).toFixed(1)} MB (avg ${(stats.htmlBytes / N / 1024).toFixed(1)} KiB/page), ` +
    `total ${(manifest.totalBytes / 1e6).toFixed(1)} MB (${manifest.totalBytes} bytes) in ${(ms / 1000).toFixed(1)} s`,
);
console.log(
  `links: ${stats.internalLinks} internal (${stats.contentInternalLinks} in-content, ${stats.relativeLinks} relative, ${stats.fragmentLinks} with #fragment), ` +
    `${stats.externalLinks} external, ${stats.mailtoTel} mailto/tel; ground truth: ${stats.brokenInternal.length} broken internal links, ` +
    `${stats.brokenFragments.length} broken fragments, ${stats.orphans.length} orphan pages -> ${OUT}.manifest.json`,
);
