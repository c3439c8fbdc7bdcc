import { EDITORIAL_SOURCE } from "./editorial";
import type { DecisionTemplate } from "./types";

/** Where the code lives: one repository for everything, or a repository per project. */
export const monorepoVsPolyrepo: DecisionTemplate = {
  key: "monorepo-vs-polyrepo",
  title: "One monorepo or several repositories?",
  summary:
    "Decide how to organise our code: every service and library in one repository with shared " +
    "tooling, or a repository for each.",
  category: "codebase",
  tags: ["monorepo", "polyrepo", "version-control", "git", "ci", "developer-experience"],
  context: `Our code is spread over, or growing into, several services, apps and shared libraries. Decide whether it lives in **one repository** (a monorepo) or in **several repositories**, one per service or library (often called polyrepo).

Both work at very large scale; companies run each successfully. What decides it for us:

- how often a change crosses project boundaries;
- how our build, CI and version control will cope as the code grows, and who maintains that tooling;
- how independent our teams need to be, in tools, release cadence and access.`,
  source: EDITORIAL_SOURCE,
  options: [
    {
      key: "monorepo",
      name: "One monorepo",
      description:
        "All services, apps and shared libraries in one repository, built with workspace tooling " +
        "such as Nx, Turborepo, Bazel or Pants.",
    },
    {
      key: "polyrepo",
      name: "Several repositories",
      description:
        "One repository per service, app or library, sharing code through versioned packages and " +
        "API contracts.",
    },
  ],
  criteria: [
    {
      key: "atomic-changes",
      name: "Changes across projects",
      description: "Making one change that spans several projects, reviewed and merged together.",
      defaultWeight: 3,
      guidance: {
        monorepo: {
          summary:
            "One commit can change a library and every caller, reviewed and tested as a unit, so " +
            "large refactors and API changes land atomically.",
          suggestedScore: 5,
        },
        polyrepo: {
          summary:
            "A change across repositories needs coordinated pull requests, a release of the " +
            "shared package and an upgrade in each consumer, merged in the right order.",
          suggestedScore: 2,
        },
      },
    },
    {
      key: "code-sharing",
      name: "Sharing code and conventions",
      description: "Reusing libraries, configuration and conventions across projects.",
      defaultWeight: 3,
      guidance: {
        monorepo: {
          summary:
            "Shared code is imported directly at its current version, and lint, formatting and " +
            "build settings are defined once for everyone.",
          suggestedScore: 5,
        },
        polyrepo: {
          summary:
            "Sharing goes through published, versioned packages, which takes more ceremony but " +
            "makes boundaries explicit; conventions drift unless templates and bots keep " +
            "repositories aligned.",
          suggestedScore: 3,
        },
      },
    },
    {
      key: "dependency-versions",
      name: "Third-party dependency versions",
      description: "Keeping the versions of outside libraries consistent and up to date.",
      defaultWeight: 2,
      guidance: {
        monorepo: {
          summary:
            "A single version policy means one framework upgrade for every project and no " +
            "conflicting copies; the flip side is that an upgrade must fix every project at " +
            "once.",
          suggestedScore: 4,
        },
        polyrepo: {
          summary:
            "Each repository upgrades on its own schedule, which avoids big-bang upgrades but " +
            "lets versions drift apart, sometimes for years, unless bots such as Renovate keep " +
            "them current.",
          suggestedScore: 3,
        },
      },
    },
    {
      key: "team-autonomy",
      name: "Team autonomy and ownership",
      description: "How freely each team chooses its tools, process and release cadence.",
      defaultWeight: 3,
      guidance: {
        monorepo: {
          summary:
            "Ownership is expressed with CODEOWNERS and folder boundaries; teams share one build " +
            "system and one set of rules, trading some freedom for consistency.",
          suggestedScore: 3,
        },
        polyrepo: {
          summary:
            "Each team owns its repository end to end, with its own permissions, CI, branch " +
            "rules and release cadence, and the repository boundary enforces the split.",
          suggestedScore: 5,
        },
      },
    },
    {
      key: "ci-speed",
      name: "CI and build speed as code grows",
      description: "Keeping builds and test runs fast as the amount of code grows.",
      defaultWeight: 3,
      guidance: {
        monorepo: {
          summary:
            "Without caching and affected-only runs, every change rebuilds and tests everything; " +
            "with Nx, Turborepo or Bazel it scales well, but those tools take investment and " +
            "know-how.",
          suggestedScore: 2,
        },
        polyrepo: {
          summary:
            "Each pipeline builds only its own repository, so CI stays fast and simple by " +
            "default; the cost moves to testing how repositories work together.",
          suggestedScore: 4,
        },
      },
    },
    {
      key: "tooling-effort",
      name: "Tooling and upkeep effort",
      description: "Build, CI and version-control tooling needed to keep the setup pleasant.",
      defaultWeight: 3,
      guidance: {
        monorepo: {
          summary:
            "Needs a workspace-aware build tool, remote caching, ownership rules and, as it " +
            "grows, sparse checkouts or merge queues; someone has to own that tooling.",
          suggestedScore: 2,
        },
        polyrepo: {
          summary:
            "Standard Git hosting and per-repository CI work out of the box; the effort goes " +
            "instead into templates, shared CI configuration and keeping many repositories' " +
            "settings in line.",
          suggestedScore: 4,
        },
      },
    },
    {
      key: "discoverability",
      name: "Discoverability and onboarding",
      description: "Finding code, seeing how pieces connect and getting new developers productive.",
      defaultWeight: 2,
      guidance: {
        monorepo: {
          summary:
            "Everything is one clone and one search away, so following a call across services or " +
            "finding an example to copy is easy.",
          suggestedScore: 5,
        },
        polyrepo: {
          summary:
            "Each repository is small and easy to understand on its own, but seeing the whole " +
            "system means knowing which repositories exist and cloning several; code search " +
            "tools help.",
          suggestedScore: 3,
        },
      },
    },
    {
      key: "independent-releases",
      name: "Independent releases and versioning",
      description: "Releasing and versioning each service or library on its own schedule.",
      defaultWeight: 3,
      guidance: {
        monorepo: {
          summary:
            "Services can still deploy independently, but it takes pipelines triggered by " +
            "changed paths and care to version published packages separately, which tools like " +
            "Changesets help with.",
          suggestedScore: 3,
        },
        polyrepo: {
          summary:
            "Each repository has its own history, tags and pipeline, so releases are independent " +
            "by construction and easy to reason about.",
          suggestedScore: 5,
        },
      },
    },
    {
      key: "cross-project-testing",
      name: "Catching breakage between projects",
      description: "Finding out that a change breaks another service or library before users do.",
      defaultWeight: 3,
      guidance: {
        monorepo: {
          summary:
            "A change to a library runs the tests of everything that depends on it before " +
            "merging, so breakage shows up in the same pull request.",
          suggestedScore: 5,
        },
        polyrepo: {
          summary:
            "Pinned versions shield consumers from a breaking library change until they upgrade, " +
            "which is safe but late; contract tests or cross-repository pipelines catch it " +
            "sooner if someone builds them.",
          suggestedScore: 3,
        },
      },
    },
    {
      key: "access-control",
      name: "Access control and open-sourcing",
      description: "Limiting who can see or change which code, and publishing parts publicly.",
      defaultWeight: 1,
      guidance: {
        monorepo: {
          summary:
            "Read access in Git covers the whole repository, so hiding code from some people or " +
            "open-sourcing one part is awkward and often ends with splitting it out.",
          suggestedScore: 2,
        },
        polyrepo: {
          summary:
            "Permissions are per repository, so a confidential service or an open-source library " +
            "simply lives in its own repository with its own access.",
          suggestedScore: 5,
        },
      },
    },
    {
      key: "repository-scale",
      name: "Version control at scale",
      description: "How Git and the code host cope as history, files and contributors grow.",
      defaultWeight: 1,
      guidance: {
        monorepo: {
          summary:
            "Fine for most organisations for many years; very large monorepos need partial " +
            "clones, sparse checkouts and merge queues for a busy main branch.",
          suggestedScore: 3,
        },
        polyrepo: {
          summary:
            "Each repository stays small, so clones, history and merge traffic stay light " +
            "without special tooling.",
          suggestedScore: 5,
        },
      },
    },
  ],
  contextQuestions: [
    {
      key: "frequent-cross-changes",
      question: "Do changes often span several services or libraries at once?",
      ifYes: [
        {
          criterionKey: "atomic-changes",
          change: 2,
          reason:
            "Frequent cross-project changes are where coordinating several repositories hurts " +
            "most.",
        },
        {
          criterionKey: "cross-project-testing",
          change: 1,
          reason: "Tightly coupled projects break each other more often.",
        },
      ],
      ifNo: [
        {
          criterionKey: "atomic-changes",
          change: -1,
          reason: "Projects change mostly on their own, so coordinated changes are rare.",
        },
      ],
    },
    {
      key: "one-toolchain",
      question: "Do most projects share one language and toolchain?",
      ifYes: [
        {
          criterionKey: "code-sharing",
          change: 1,
          reason: "Code and configuration written for one toolchain can be shared directly.",
        },
        {
          criterionKey: "dependency-versions",
          change: 1,
          reason: "One ecosystem makes a single version policy realistic.",
        },
      ],
      ifNo: [
        {
          criterionKey: "tooling-effort",
          change: 1,
          reason:
            "Several languages in one repository need a polyglot build tool such as Bazel or " +
            "Pants.",
        },
        {
          criterionKey: "team-autonomy",
          change: 1,
          reason: "Different stacks come with different practices that teams want to keep.",
        },
      ],
    },
    {
      key: "many-teams",
      question: "Will more than five teams work in the code, each owning its own services?",
      ifYes: [
        {
          criterionKey: "team-autonomy",
          change: 1,
          reason: "Many teams need to move without waiting on each other.",
        },
        {
          criterionKey: "independent-releases",
          change: 1,
          reason: "Each team ships on its own cadence.",
        },
        {
          criterionKey: "ci-speed",
          change: 1,
          reason: "More contributors mean more builds, so CI speed matters more.",
        },
      ],
      ifNo: [
        {
          criterionKey: "team-autonomy",
          change: -1,
          reason: "A few teams can agree on shared tools and rules.",
        },
      ],
    },
    {
      key: "tooling-owner",
      question:
        "Will someone have time to own build tooling and CI, such as a platform or developer-experience role?",
      ifYes: [
        {
          criterionKey: "tooling-effort",
          change: -1,
          reason: "Someone will own the tooling, so its upkeep weighs less.",
        },
      ],
      ifNo: [
        {
          criterionKey: "tooling-effort",
          change: 2,
          reason: "Without an owner, tooling that needs steady care will decay.",
        },
        {
          criterionKey: "ci-speed",
          change: 1,
          reason: "Nobody will be tuning caches and pipelines, so defaults must stay fast.",
        },
      ],
    },
    {
      key: "restricted-code",
      question: "Must some code be hidden from part of the company, or published as open source?",
      ifYes: [
        {
          criterionKey: "access-control",
          change: 3,
          reason: "Access boundaries are a requirement, not a preference.",
        },
      ],
      ifNo: [],
    },
  ],
};
