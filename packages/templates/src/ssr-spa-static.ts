import { EDITORIAL_SOURCE } from "./editorial";
import type { DecisionTemplate } from "./types";

/** How a web front end renders: on the server per request, in the browser, or at build time. */
export const ssrSpaStatic: DecisionTemplate = {
  key: "ssr-spa-static",
  title: "Server-side rendering, single-page app or static site?",
  summary:
    "Choose how our web front end renders: HTML on the server per request, a single-page app " +
    "rendered in the browser, or pages generated at build time.",
  category: "frontend",
  tags: ["web", "rendering", "ssr", "spa", "static-site", "seo", "web-performance"],
  context: `Decide how our web front end renders its pages by default. Modern frameworks (Next.js, Nuxt, SvelteKit, Remix, Astro) can mix strategies route by route, so this is about the default for most of the product.

- **Server-side rendering (SSR)**: the server builds the HTML for each request, then the browser hydrates it.
- **Single-page app (SPA)**: the server sends a shell and a JavaScript bundle; the browser renders every view.
- **Static site generation (SSG)**: pages are rendered at build time and served from a CDN, with JavaScript only where it is needed.

Weigh who visits (search engines, first-time visitors on phones, signed-in users all day long), how fresh and personal each page is, and what we are prepared to operate.`,
  source: EDITORIAL_SOURCE,
  options: [
    {
      key: "ssr",
      name: "Server-side rendering (SSR)",
      description:
        "HTML rendered on the server for each request, then hydrated in the browser, as with " +
        "Next.js, Nuxt, SvelteKit or Remix.",
    },
    {
      key: "spa",
      name: "Single-page app (SPA)",
      description:
        "The browser loads a JavaScript bundle and renders every view itself, as with React on " +
        "Vite, Angular or Vue.",
    },
    {
      key: "static",
      name: "Static site generation (SSG)",
      description:
        "Pages rendered at build time and served as files from a CDN, with JavaScript added " +
        "where needed, as with Astro, Eleventy or Hugo.",
    },
  ],
  criteria: [
    {
      key: "first-load",
      name: "First-load speed",
      description:
        "Time to first byte and to visible content on a first visit, especially on phones.",
      defaultWeight: 3,
      guidance: {
        ssr: {
          summary:
            "Content arrives in the first HTML and paints early, but time to first byte includes " +
            "the server's rendering and data fetching, and the page stays unresponsive until " +
            "hydration finishes.",
          suggestedScore: 4,
        },
        spa: {
          summary:
            "The browser must download, parse and run the bundle before showing content, so " +
            "first visits on slow phones sit on a blank or skeleton screen for longer.",
          suggestedScore: 2,
        },
        static: {
          summary:
            "Prebuilt HTML served from a CDN edge gives the lowest time to first byte and an " +
            "early first paint almost everywhere.",
          suggestedScore: 5,
        },
      },
    },
    {
      key: "seo-previews",
      name: "Search ranking and link previews",
      description: "How well search engines and social link previews see our pages.",
      defaultWeight: 2,
      guidance: {
        ssr: {
          summary:
            "Crawlers and link-preview bots receive complete HTML with the right title and meta " +
            "tags for every URL.",
          suggestedScore: 5,
        },
        spa: {
          summary:
            "Google renders JavaScript, but later and less reliably, and many other crawlers and " +
            "preview bots do not run it at all; prerendering services patch this at extra cost.",
          suggestedScore: 2,
        },
        static: {
          summary:
            "Complete HTML for every page, served fast, which is as crawlable as a site gets.",
          suggestedScore: 5,
        },
      },
    },
    {
      key: "interactivity",
      name: "Rich interactivity",
      description: "App-like behaviour: instant navigation, complex client state, offline use.",
      defaultWeight: 3,
      guidance: {
        ssr: {
          summary:
            "Once hydrated it behaves like an SPA with client-side navigation; mixing server and " +
            "client components takes care about what runs where.",
          suggestedScore: 4,
        },
        spa: {
          summary:
            "Made for this: after the first load, views change without a server round trip for " +
            "HTML, and complex client state is natural to manage.",
          suggestedScore: 5,
        },
        static: {
          summary:
            "Fine for content with islands of interactivity; heavily interactive, data-driven " +
            "screens end up as client-rendered apps inside static pages.",
          suggestedScore: 3,
        },
      },
    },
    {
      key: "javascript-cost",
      name: "JavaScript and hydration cost",
      description:
        "How much JavaScript the browser downloads and runs before the page is interactive.",
      defaultWeight: 2,
      guidance: {
        ssr: {
          summary:
            "Hydration re-runs component code in the browser to attach to the server's HTML, so " +
            "bundles can be as large as an SPA's; server components and partial hydration reduce " +
            "this.",
          suggestedScore: 3,
        },
        spa: {
          summary:
            "All rendering code ships to the browser; code splitting helps, but large bundles " +
            "hurt low-end phones most.",
          suggestedScore: 2,
        },
        static: {
          summary:
            "Pages can ship little or no JavaScript, with interactive islands hydrated only " +
            "where they are needed.",
          suggestedScore: 5,
        },
      },
    },
    {
      key: "fresh-personal",
      name: "Fresh and personalised content",
      description: "Showing per-user, permission-dependent or fast-changing data on every page.",
      defaultWeight: 3,
      guidance: {
        ssr: {
          summary:
            "Each request renders with the latest data and the visitor's session, so " +
            "personalised pages arrive complete from the server.",
          suggestedScore: 5,
        },
        spa: {
          summary:
            "Fetches current, per-user data from the API after loading, so pages are always up " +
            "to date, at the cost of a loading state on each view.",
          suggestedScore: 4,
        },
        static: {
          summary:
            "Pages are as fresh as the last build; incremental regeneration or client-side " +
            "fetching adds freshness, but per-user pages do not fit the model.",
          suggestedScore: 2,
        },
      },
    },
    {
      key: "hosting-ops",
      name: "Hosting and operations",
      description: "What it takes to run, scale and secure the front end in production.",
      defaultWeight: 3,
      guidance: {
        ssr: {
          summary:
            "Needs a Node or edge runtime that scales with traffic, with caching, cold starts, " +
            "memory use and server errors to watch.",
          suggestedScore: 2,
        },
        spa: {
          summary:
            "Static files on any CDN or object store, next to the API we run anyway, with " +
            "nothing extra to scale.",
          suggestedScore: 5,
        },
        static: {
          summary: "Files on a CDN: cheap, fast everywhere, and almost nothing to fail or patch.",
          suggestedScore: 5,
        },
      },
    },
    {
      key: "dev-complexity",
      name: "Development complexity",
      description: "The mental model, debugging effort and number of things that can go wrong.",
      defaultWeight: 3,
      guidance: {
        ssr: {
          summary:
            "Code runs on both server and client, which brings hydration mismatches, server-only " +
            "and client-only boundaries and framework caching rules to learn.",
          suggestedScore: 2,
        },
        spa: {
          summary:
            "One runtime, the browser, and a clear split between the UI and the API keep it " +
            "simple to reason about and debug.",
          suggestedScore: 4,
        },
        static: {
          summary:
            "Simple for content pages; fetching data at build time and slow builds for many " +
            "pages add their own wrinkles.",
          suggestedScore: 4,
        },
      },
    },
    {
      key: "api-separation",
      name: "Clean separation from the backend",
      description: "Keeping an API that mobile apps and partners can reuse.",
      defaultWeight: 2,
      guidance: {
        ssr: {
          summary:
            "Server code can read data sources directly, which is convenient but can tie the UI " +
            "to the backend and leave mobile clients without a proper API.",
          suggestedScore: 3,
        },
        spa: {
          summary:
            "Requires a real API from day one, which mobile apps and integrations can reuse as " +
            "it is.",
          suggestedScore: 5,
        },
        static: {
          summary:
            "Data comes from a CMS or APIs at build time, and the dynamic parts of pages still " +
            "need an API of their own.",
          suggestedScore: 3,
        },
      },
    },
    {
      key: "publishing-speed",
      name: "Publishing changes at scale",
      description:
        "How quickly content changes go live, with thousands of pages or frequent updates.",
      defaultWeight: 2,
      guidance: {
        ssr: {
          summary:
            "A content change is live on the next request, or when the cache expires, however " +
            "many pages there are.",
          suggestedScore: 5,
        },
        spa: {
          summary:
            "Content comes from the API, so updates show at once; only code changes need a deploy.",
          suggestedScore: 4,
        },
        static: {
          summary:
            "Every content change needs a rebuild, and tens of thousands of pages make builds " +
            "slow unless incremental builds or on-demand regeneration are used.",
          suggestedScore: 2,
        },
      },
    },
    {
      key: "resilience",
      name: "Resilience under load and outages",
      description: "Staying up during traffic spikes and when backend services fail.",
      defaultWeight: 2,
      guidance: {
        ssr: {
          summary:
            "Rendering is on the request path, so a spike or a slow data source slows every page " +
            "unless responses are cached at the edge.",
          suggestedScore: 3,
        },
        spa: {
          summary:
            "The shell comes from a CDN and survives spikes; the API behind it takes the load, " +
            "and its failures appear as error states in the page.",
          suggestedScore: 4,
        },
        static: {
          summary: "Pages keep being served from the CDN even when every backend is down.",
          suggestedScore: 5,
        },
      },
    },
    {
      key: "without-javascript",
      name: "Works before or without JavaScript",
      description: "Usable when scripts are slow, fail to load or are blocked.",
      defaultWeight: 1,
      guidance: {
        ssr: {
          summary:
            "Content and links work before scripts run, and forms can post to the server; richer " +
            "interactions wait for hydration.",
          suggestedScore: 4,
        },
        spa: {
          summary:
            "Nothing renders until the bundle has loaded and run, so a failed or blocked script " +
            "means an empty page.",
          suggestedScore: 1,
        },
        static: {
          summary:
            "Pages are plain HTML that work without any script, and JavaScript only enhances them.",
          suggestedScore: 5,
        },
      },
    },
  ],
  contextQuestions: [
    {
      key: "search-traffic",
      question: "Do we depend on search traffic or shared links to public pages?",
      ifYes: [
        {
          criterionKey: "seo-previews",
          change: 2,
          reason:
            "Visitors find us through search and shared links, so crawlers must see the content.",
        },
        {
          criterionKey: "first-load",
          change: 1,
          reason: "Search rankings and first impressions both depend on a fast first load.",
        },
      ],
      ifNo: [
        {
          criterionKey: "seo-previews",
          change: -2,
          reason: "Pages behind a sign-in are not crawled or shared publicly.",
        },
      ],
    },
    {
      key: "signed-in-app",
      question: "Is it mostly an application used by signed-in people in long sessions?",
      ifYes: [
        {
          criterionKey: "interactivity",
          change: 2,
          reason: "Long working sessions reward instant navigation and rich client behaviour.",
        },
        {
          criterionKey: "fresh-personal",
          change: 1,
          reason: "Nearly every page shows the person's own, current data.",
        },
        {
          criterionKey: "first-load",
          change: -1,
          reason: "People load it once and stay, so the first load matters less.",
        },
      ],
      ifNo: [
        {
          criterionKey: "interactivity",
          change: -1,
          reason: "Short visits to read content need little app-like behaviour.",
        },
      ],
    },
    {
      key: "changing-content",
      question: "Does content change many times a day, or differ for each visitor?",
      ifYes: [
        {
          criterionKey: "fresh-personal",
          change: 2,
          reason: "Stale or generic pages would show the wrong thing.",
        },
        {
          criterionKey: "publishing-speed",
          change: 1,
          reason: "Frequent changes must go live without waiting for a build.",
        },
      ],
      ifNo: [
        {
          criterionKey: "fresh-personal",
          change: -1,
          reason: "Content changes rarely and is the same for everyone.",
        },
      ],
    },
    {
      key: "slow-devices",
      question: "Do many visitors use low-end phones or slow networks?",
      ifYes: [
        {
          criterionKey: "javascript-cost",
          change: 2,
          reason: "Slow processors feel every kilobyte of JavaScript they have to parse and run.",
        },
        {
          criterionKey: "first-load",
          change: 1,
          reason: "Slow networks stretch every wait before content appears.",
        },
      ],
      ifNo: [
        {
          criterionKey: "javascript-cost",
          change: -1,
          reason: "Fast devices hide most of the cost of a larger bundle.",
        },
      ],
    },
    {
      key: "other-clients",
      question: "Will mobile apps or partners use the same backend?",
      ifYes: [
        {
          criterionKey: "api-separation",
          change: 2,
          reason: "Other clients need the same API, so the web front end should use it too.",
        },
      ],
      ifNo: [
        {
          criterionKey: "api-separation",
          change: -1,
          reason: "The web front end is the only client of the backend.",
        },
      ],
    },
    {
      key: "avoid-frontend-servers",
      question: "Do we want to avoid running servers for the front end?",
      ifYes: [
        {
          criterionKey: "hosting-ops",
          change: 2,
          reason: "Running a rendering service is a cost we want to avoid.",
        },
        {
          criterionKey: "resilience",
          change: 1,
          reason: "Without our own servers, the front end should keep working on a CDN alone.",
        },
      ],
      ifNo: [
        {
          criterionKey: "hosting-ops",
          change: -1,
          reason: "We already run and scale servers, so one more service costs little.",
        },
      ],
    },
  ],
};
