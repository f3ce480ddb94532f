// @ts-check
import { defineConfig } from 'astro/config';


// https://docs.astro.build/en/reference/configuration-reference/
export default defineConfig({
  // The production URL. The link report uses it to recognise absolute links to
  // this site (https://www.anchorline.example/..., and the apex/http twins) as
  // internal links, and to match Search Console rows to built pages.
  site: 'https://www.anchorline.example',

  // Old URLs that moved. In static output Astro writes a small meta-refresh
  // page for each; the report treats a link to one as a redirected link (a
  // warning), not a broken one, and a backlink to one as covered.
  redirects: {
    '/old-guide/': '/guides/link-building/',
  },

  // A second language. Only the French home page is translated; every other page
  // is served under /fr/ with the English content (a fallback copy). The report
  // counts a page and its translations once, and lists a broken link of the
  // English content once, "also on" its French copy.
  i18n: {
    defaultLocale: 'en',
    locales: ['en', 'fr'],
    fallback: { fr: 'en' },
    routing: { prefixDefaultLocale: false, fallbackType: 'rewrite' },
  },

  integrations: [
    // Joins the build's link graph with the sample Search Console export in seo/gsc/.

  ],
});
