import { EDITORIAL_SOURCE } from "./editorial";
import type { DecisionTemplate } from "./types";

/** A capability we need: build it ourselves, buy a hosted product or run open source. */
export const buildVsBuy: DecisionTemplate = {
  key: "build-vs-buy",
  title: "Build it, buy it or adopt open source?",
  summary:
    "For a capability such as sign-in, search, billing or feature flags: build it in-house, buy " +
    "a SaaS product, or run an open-source project.",
  category: "strategy",
  tags: ["build-vs-buy", "vendor", "saas", "open-source", "total-cost-of-ownership", "lock-in"],
  context: `We need a capability that is not the heart of our product, for example sign-in, search, billing, feature flags, notifications or analytics. Decide whether we **build** it ourselves, **buy** a hosted product (SaaS), or **adopt an open-source project** that we run (or have hosted for us).

Before voting, write down:

- the capability's real requirements, separating must-haves from nice-to-haves;
- the shortlist of vendors and open-source projects;
- a rough three-year cost for each option: licences or subscriptions, hosting, and the engineering time to build, integrate, run and maintain it.`,
  source: EDITORIAL_SOURCE,
  options: [
    {
      key: "build",
      name: "Build in-house",
      description: "Design, write and run the capability ourselves, fitted exactly to our needs.",
    },
    {
      key: "buy",
      name: "Buy a SaaS product",
      description: "Pay a vendor for a hosted product and integrate it through its APIs and SDKs.",
    },
    {
      key: "open-source",
      name: "Adopt open source",
      description:
        "Run a mature open-source project ourselves or through a hosting provider, extending it " +
        "where needed.",
    },
  ],
  criteria: [
    {
      key: "time-to-value",
      name: "Time to first value",
      description: "How soon users get a capability that works.",
      defaultWeight: 4,
      guidance: {
        build: {
          summary:
            "Weeks to months before a first version, and longer before it handles the edge cases " +
            "a mature product already covers.",
          suggestedScore: 2,
        },
        buy: {
          summary:
            "Often live within days: sign up, configure and integrate the SDK, with the common " +
            "cases already solved by the vendor.",
          suggestedScore: 5,
        },
        "open-source": {
          summary:
            "Faster than building because the features exist, but installing, configuring, " +
            "securing and hosting it still takes real time.",
          suggestedScore: 3,
        },
      },
    },
    {
      key: "requirements-fit",
      name: "Fit with our requirements",
      description: "How closely the result matches what we need, including our unusual cases.",
      defaultWeight: 3,
      guidance: {
        build: {
          summary:
            "Does exactly what we specify and follows our domain's quirks precisely, with " +
            "nothing we do not need.",
          suggestedScore: 5,
        },
        buy: {
          summary:
            "Covers common needs well; anything unusual depends on the vendor's configuration " +
            "options, extension points or roadmap.",
          suggestedScore: 3,
        },
        "open-source": {
          summary:
            "Covers common needs and can be extended or patched where it falls short, though " +
            "keeping a fork in sync with upstream is costly.",
          suggestedScore: 4,
        },
      },
    },
    {
      key: "total-cost",
      name: "Total cost of ownership",
      description:
        "Everything it costs over about three years: fees, hosting, and engineering time to " +
        "build, integrate and maintain.",
      defaultWeight: 4,
      guidance: {
        build: {
          summary:
            "No fees, but engineering time dominates: the first version is usually the smaller " +
            "part, and maintenance, on-call and feature requests continue for as long as it " +
            "exists.",
          suggestedScore: 2,
        },
        buy: {
          summary:
            "A predictable subscription with little engineering time; per-seat or usage pricing " +
            "can climb steeply as we grow, and renewal prices can rise.",
          suggestedScore: 3,
        },
        "open-source": {
          summary:
            "No licence fees, but hosting, upgrades, patching and operations are ours; often the " +
            "cheapest at scale when we already run similar infrastructure.",
          suggestedScore: 3,
        },
      },
    },
    {
      key: "maintenance-burden",
      name: "Ongoing maintenance burden",
      description: "Upgrades, bug fixes, security patches and on-call duty that stay with us.",
      defaultWeight: 3,
      guidance: {
        build: {
          summary:
            "All of it is ours for good: bugs, security issues, scaling and on-call, competing " +
            "for the same engineers as product work.",
          suggestedScore: 2,
        },
        buy: {
          summary:
            "The vendor runs, patches, scales and monitors it; we keep only our integration " +
            "current as their API evolves.",
          suggestedScore: 5,
        },
        "open-source": {
          summary:
            "The community fixes bugs and adds features, while applying upgrades, patching " +
            "vulnerabilities and handling incidents is our job; skipped major versions become " +
            "painful upgrade debt.",
          suggestedScore: 3,
        },
      },
    },
    {
      key: "lock-in",
      name: "Lock-in and exit cost",
      description: "How hard it would be to switch away later, and who controls our data.",
      defaultWeight: 3,
      guidance: {
        build: {
          summary:
            "We own the code and the data completely; the only lock-in is to our own design " +
            "decisions.",
          suggestedScore: 5,
        },
        buy: {
          summary:
            "Proprietary APIs, data formats and workflows make leaving expensive; check data " +
            "export, contract terms, and what happens if the vendor is acquired or shuts the " +
            "product down.",
          suggestedScore: 2,
        },
        "open-source": {
          summary:
            "Code and data stay in our hands and released versions stay open, though projects do " +
            "relicense future versions (as Elasticsearch, Redis and Terraform did), sometimes " +
            "followed by community forks.",
          suggestedScore: 4,
        },
      },
    },
    {
      key: "differentiation",
      name: "Strategic differentiation",
      description: "Whether the capability is part of what makes our product better than others.",
      defaultWeight: 3,
      guidance: {
        build: {
          summary:
            "Where this capability is how we compete, owning it lets us go beyond what any " +
            "vendor offers and keeps it out of competitors' hands.",
          suggestedScore: 5,
        },
        buy: {
          summary:
            "Gives us the same capability as every other customer of the vendor, which is fine " +
            "for commodity needs and limiting where it should set us apart.",
          suggestedScore: 2,
        },
        "open-source": {
          summary:
            "A foundation anyone can use, which we can still extend in distinctive ways on top.",
          suggestedScore: 3,
        },
      },
    },
    {
      key: "security-compliance",
      name: "Security and compliance",
      description:
        "Meeting our security, privacy and regulatory duties, such as data residency and audits.",
      defaultWeight: 3,
      guidance: {
        build: {
          summary:
            "Full control over data and deployment, but we must design, review and audit the " +
            "security ourselves, which is hard to get right in areas like authentication.",
          suggestedScore: 3,
        },
        buy: {
          summary:
            "Established vendors bring certifications such as SOC 2 or ISO 27001 and dedicated " +
            "security teams; our data leaves our systems, so residency, processing agreements " +
            "and sub-processors need review.",
          suggestedScore: 4,
        },
        "open-source": {
          summary:
            "Mature projects have security processes and public advisories, the code can be " +
            "audited, and the data stays where we host it; hardening and patching our deployment " +
            "is up to us.",
          suggestedScore: 4,
        },
      },
    },
    {
      key: "reliability",
      name: "Reliability at our scale",
      description: "Uptime and performance at our volume, and who responds when it breaks.",
      defaultWeight: 3,
      guidance: {
        build: {
          summary:
            "Can be tuned to our exact load, but high availability takes the same engineering as " +
            "any other service, and we are the ones on call.",
          suggestedScore: 3,
        },
        buy: {
          summary:
            "Vendors run it at scale with SLAs and dedicated operations teams; their outages " +
            "become ours, and we wait for their fix.",
          suggestedScore: 4,
        },
        "open-source": {
          summary:
            "Proven at scale by other users, but how reliable it is for us depends on how well " +
            "we run it.",
          suggestedScore: 3,
        },
      },
    },
    {
      key: "team-focus",
      name: "Team skills and focus",
      description:
        "Whether we have the expertise it needs, and whether it is the best use of our engineers.",
      defaultWeight: 3,
      guidance: {
        build: {
          summary:
            "Needs specialist knowledge of the domain, such as search relevance, payments or " +
            "identity, and keeps engineers away from product work for as long as it is " +
            "maintained.",
          suggestedScore: 2,
        },
        buy: {
          summary:
            "Needs integration skills only, so the team's attention stays on our own product.",
          suggestedScore: 5,
        },
        "open-source": {
          summary:
            "Needs skill in operating the project and its stack, for example tuning the JVM " +
            "under Keycloak or Elasticsearch, but not the expertise to invent it.",
          suggestedScore: 3,
        },
      },
    },
    {
      key: "integration",
      name: "Integration with our systems",
      description: "Effort to connect it with our data, identity, workflows and other tools.",
      defaultWeight: 2,
      guidance: {
        build: {
          summary:
            "Built against our own systems from the start, so it uses our data model, accounts " +
            "and events directly.",
          suggestedScore: 5,
        },
        buy: {
          summary:
            "Good vendors offer APIs, webhooks and ready-made connectors, yet syncing data and " +
            "mapping our model onto theirs is often the largest part of the project.",
          suggestedScore: 3,
        },
        "open-source": {
          summary:
            "Plugins and APIs usually exist, and where they do not, the source can be extended " +
            "or integrated at any level.",
          suggestedScore: 4,
        },
      },
    },
    {
      key: "longevity",
      name: "Longevity and support",
      description: "Confidence that it will still be maintained and supported in five years.",
      defaultWeight: 2,
      guidance: {
        build: {
          summary:
            "Lasts as long as we keep people who understand it; knowledge held by one or two " +
            "engineers is the usual risk.",
          suggestedScore: 3,
        },
        buy: {
          summary:
            "Depends on the vendor's finances and priorities; contract terms, data export and a " +
            "fallback plan limit the damage of a shutdown, acquisition or price change.",
          suggestedScore: 3,
        },
        "open-source": {
          summary:
            "A widely used project backed by several companies tends to outlive both a single " +
            "vendor and internal code, and anyone can keep it going; check active maintainers, " +
            "release cadence and commercial support before relying on that.",
          suggestedScore: 4,
        },
      },
    },
  ],
  contextQuestions: [
    {
      key: "core-to-product",
      question: "Is this capability part of what makes our product better than competitors'?",
      ifYes: [
        {
          criterionKey: "differentiation",
          change: 2,
          reason: "It is where we compete, so owning how it works matters.",
        },
        {
          criterionKey: "requirements-fit",
          change: 1,
          reason: "Close enough is not good enough where we compete.",
        },
        {
          criterionKey: "lock-in",
          change: 1,
          reason: "Depending on a supplier for how we compete is a strategic risk.",
        },
        {
          criterionKey: "team-focus",
          change: -1,
          reason: "Engineering time spent here goes into what sets us apart.",
        },
      ],
      ifNo: [
        {
          criterionKey: "differentiation",
          change: -2,
          reason: "For a commodity need, being distinctive adds nothing.",
        },
        {
          criterionKey: "team-focus",
          change: 1,
          reason: "Engineering time spent here is time not spent on what sets us apart.",
        },
      ],
    },
    {
      key: "needed-soon",
      question: "Do we need it working within the next three months?",
      ifYes: [
        {
          criterionKey: "time-to-value",
          change: 1,
          reason: "A near deadline makes time to a working capability decisive.",
        },
      ],
      ifNo: [
        {
          criterionKey: "time-to-value",
          change: -1,
          reason: "There is time to build or set it up properly.",
        },
      ],
    },
    {
      key: "sensitive-data",
      question:
        "Will it handle regulated or sensitive data, such as health, payment or personal data " +
        "under residency rules?",
      ifYes: [
        {
          criterionKey: "security-compliance",
          change: 2,
          reason: "Regulated data brings audits and legal duties that every option must meet.",
        },
        {
          criterionKey: "lock-in",
          change: 1,
          reason: "Who holds that data, and how we get it back, matters for years.",
        },
      ],
      ifNo: [
        {
          criterionKey: "security-compliance",
          change: -1,
          reason: "Ordinary security practice is enough for this data.",
        },
      ],
    },
    {
      key: "runs-similar-infra",
      question: "Does the team already run similar open-source infrastructure in production?",
      ifYes: [
        {
          criterionKey: "maintenance-burden",
          change: -1,
          reason: "With the platform and skills in place, running one more service costs less.",
        },
        {
          criterionKey: "team-focus",
          change: -1,
          reason: "The skills to run it are already in the team.",
        },
      ],
      ifNo: [
        {
          criterionKey: "maintenance-burden",
          change: 1,
          reason: "Running it would mean new operational skills and on-call duties.",
        },
        {
          criterionKey: "team-focus",
          change: 1,
          reason: "The expertise would have to be built or hired.",
        },
      ],
    },
    {
      key: "large-scale",
      question: "Will usage grow to a scale where per-seat or per-event pricing becomes expensive?",
      ifYes: [
        {
          criterionKey: "total-cost",
          change: 1,
          reason: "At our expected volume, pricing models decide most of the cost.",
        },
        {
          criterionKey: "reliability",
          change: 1,
          reason: "Heavy use makes outages and slowdowns costlier.",
        },
        {
          criterionKey: "lock-in",
          change: 1,
          reason:
            "At our volume, switching later is expensive and a supplier's pricing power grows.",
        },
      ],
      ifNo: [],
    },
  ],
};
