import type { DecisionTemplate } from "./types";

/**
 * Django REST Framework versus FastAPI, after the comparison article in
 * shared/seed/drf-vs-fastapi-article.txt. All guidance is paraphrased; suggested scores
 * record the article's leaning and are shown to voters, never counted as votes.
 */
export const drfVsFastapi: DecisionTemplate = {
  key: "drf-vs-fastapi",
  title: "Django REST Framework or FastAPI?",
  summary:
    "Pick a Python API framework: batteries-included Django REST Framework or async, " +
    "type-driven FastAPI.",
  category: "backend",
  tags: ["python", "web-framework", "api", "django", "async"],
  context:
    "Pick the Python framework for our next API. Both are solid; the right one depends on " +
    "our team, our existing code and what the service has to do.",
  source: "Django REST Framework vs FastAPI comparison article (2025)",
  options: [
    {
      key: "drf",
      name: "Django REST Framework",
      description:
        "The API toolkit layered on Django: mature, opinionated, with Django's ORM, auth and admin included.",
    },
    {
      key: "fastapi",
      name: "FastAPI",
      description:
        "An async-first framework built on Starlette and Pydantic, driven by Python type hints.",
    },
  ],
  criteria: [
    {
      key: "architecture-fit",
      name: "Architecture and philosophy fit",
      description: "How well the framework's design philosophy matches the system we are building.",
      defaultWeight: 3,
      guidance: {
        drf: {
          summary:
            "Favours convention and integration: everything comes in the box, which suits " +
            "monolithic products with relational models and heavy data handling.",
          suggestedScore: 3,
        },
        fastapi: {
          summary:
            "Favours flexibility and modern Python; a natural home for async, stateless " +
            "services where typing and speed come first.",
          suggestedScore: 3,
        },
      },
    },
    {
      key: "learning-curve",
      name: "Learning curve and team familiarity",
      description: "How fast our developers become productive, given what they already know.",
      defaultWeight: 3,
      guidance: {
        drf: {
          summary:
            "Easy for anyone who already knows Django, since views, models and serializers " +
            "follow familiar patterns; backed by extensive docs and a decade of answers.",
          suggestedScore: 4,
        },
        fastapi: {
          summary:
            "Compact, type-hinted code with little boilerplate and good editor help, but " +
            "async code, dependency injection and the lack of a set project layout can trip up newcomers.",
          suggestedScore: 3,
        },
      },
    },
    {
      key: "ecosystem",
      name: "Community and ecosystem maturity",
      description: "Plugins, integrations, answered questions and proven practices to lean on.",
      defaultWeight: 3,
      guidance: {
        drf: {
          summary:
            "Its long history shows: a very large community, many plugins and third-party " +
            "integrations, and well-tested ways of doing things.",
          suggestedScore: 5,
        },
        fastapi: {
          summary:
            "Younger and smaller, though adoption is climbing quickly among teams that care " +
            "about performance, and async tooling is catching up.",
          suggestedScore: 3,
        },
      },
    },
    {
      key: "performance",
      name: "Performance under high concurrency",
      description: "Throughput and latency when many requests arrive at once.",
      defaultWeight: 3,
      guidance: {
        drf: {
          summary:
            "Runs on Django's synchronous core, so requests block; for dashboards, reports and " +
            "internal admin tools this is rarely what limits you.",
          suggestedScore: 2,
        },
        fastapi: {
          summary:
            "Designed for speed with non-blocking request handling; published benchmarks put it " +
            "clearly ahead of DRF when concurrency is high, with low latency under load.",
          suggestedScore: 5,
        },
      },
    },
    {
      key: "async-realtime",
      name: "Async, real-time and WebSockets",
      description: "Support for WebSockets, streaming, messaging and other long-lived connections.",
      defaultWeight: 2,
      guidance: {
        drf: {
          summary:
            "Synchronous at heart; newer Django versions allow async views only in limited " +
            "cases, so real-time features are an uphill fight.",
          suggestedScore: 2,
        },
        fastapi: {
          summary:
            "Async by design, a strong match for WebSockets, live messaging, telemetry and " +
            "parallel background work, holding many open connections cheaply.",
          suggestedScore: 5,
        },
      },
    },
    {
      key: "auth-permissions",
      name: "Authentication and permissions",
      description: "Built-in support for login schemes, tokens, OAuth2, sessions and access rules.",
      defaultWeight: 3,
      guidance: {
        drf: {
          summary:
            "Ships with authentication schemes, permission classes and sessions; token and " +
            "OAuth2 setups plug in through ready-made classes.",
          suggestedScore: 5,
        },
        fastapi: {
          summary:
            "Leaves this to you: matching DRF means pulling in extra libraries such as " +
            "FastAPI Users or OAuthLib and writing glue code.",
          suggestedScore: 2,
        },
      },
    },
    {
      key: "serialization-validation",
      name: "Serialization and validation",
      description: "Turning data into JSON and back, and checking what clients send.",
      defaultWeight: 3,
      guidance: {
        drf: {
          summary:
            "Explicit serializer classes take more code to write but give precise control over " +
            "how models map to JSON.",
          suggestedScore: 4,
        },
        fastapi: {
          summary:
            "Pydantic models validate and serialize straight from type hints with far less " +
            "code, though deeply nested or relational data can need extra setup.",
          suggestedScore: 4,
        },
      },
    },
    {
      key: "api-docs",
      name: "API documentation",
      description: "Interactive, always-current documentation of the endpoints for client teams.",
      defaultWeight: 2,
      guidance: {
        drf: {
          summary:
            "Can produce OpenAPI docs too, but only after adding and configuring a library " +
            "like drf-yasg or coreapi by hand.",
          suggestedScore: 3,
        },
        fastapi: {
          summary:
            "Generates interactive OpenAPI and Swagger pages automatically, which eases client " +
            "integration and manual testing.",
          suggestedScore: 5,
        },
      },
    },
    {
      key: "admin-orm",
      name: "Admin interface, ORM and relational data",
      description:
        "Back-office screens, a mature ORM and complex relational models out of the box.",
      defaultWeight: 3,
      guidance: {
        drf: {
          summary:
            "Builds on Django's ORM and its admin site, so relational data, intricate validation " +
            "and content or user management need little custom back-office work.",
          suggestedScore: 5,
        },
        fastapi: {
          summary:
            "Brings no admin site or ORM of its own; the article's advice for admin-heavy, " +
            "relational projects points to DRF instead.",
          suggestedScore: 2,
        },
      },
    },
    {
      key: "django-codebase-fit",
      name: "Fit with an existing Django codebase",
      description:
        "Reusing the models, auth and business logic of a Django application we already run.",
      defaultWeight: 2,
      guidance: {
        drf: {
          summary:
            "Adds endpoints to a Django project directly, reusing its models, login and " +
            "business rules instead of duplicating them, which keeps the whole app consistent.",
          suggestedScore: 5,
        },
        fastapi: {
          summary:
            "A separate stack beside Django: for a legacy Django install the article names DRF " +
            "as the better choice.",
          suggestedScore: 2,
        },
      },
    },
    {
      key: "microservices-deployment",
      name: "Microservices and deployment footprint",
      description: "How small, isolated and easy to deploy and scale each service can be.",
      defaultWeight: 2,
      guidance: {
        drf: {
          summary:
            "Most at home inside a traditional monolith; each service carries the whole Django " +
            "framework with it.",
          suggestedScore: 2,
        },
        fastapi: {
          summary:
            "Lets teams ship small services that are easy to deploy, scale and keep apart, with " +
            "explicit, documented and testable contracts between them (API-first).",
          suggestedScore: 5,
        },
      },
    },
    {
      key: "type-safety-tooling",
      name: "Type safety and tooling",
      description: "Type hints, static analysis, linters and editor support across the codebase.",
      defaultWeight: 2,
      guidance: {
        drf: {
          summary:
            "Built around Django's conventions and classes rather than type hints; the article " +
            "credits its strength to integration, not to static typing.",
          suggestedScore: 3,
        },
        fastapi: {
          summary:
            "Type hints drive the whole framework; it works hand in hand with type checkers, " +
            "linters and static analysis, which the article credits with sturdier code.",
          suggestedScore: 5,
        },
      },
    },
    {
      key: "production-track-record",
      name: "Production track record",
      description: "Evidence of the framework carrying real products at scale.",
      defaultWeight: 2,
      guidance: {
        drf: {
          summary:
            "Powers long-running platforms such as Mozilla and Disqus, where backend logic is " +
            "complex and teams know Django well.",
          suggestedScore: 4,
        },
        fastapi: {
          summary:
            "Microsoft, Uber and Netflix run it behind in-house tools and services, where " +
            "throughput and quick iteration matter most.",
          suggestedScore: 4,
        },
      },
    },
  ],
  contextQuestions: [
    {
      key: "team-knows-django",
      question: "Is the team already fluent in Django?",
      ifYes: [
        {
          criterionKey: "learning-curve",
          change: 2,
          reason:
            "A Django-fluent team gets going with DRF almost at once, so familiarity weighs more.",
        },
        {
          criterionKey: "production-track-record",
          change: 1,
          reason:
            "Shared patterns and in-house Django libraries lower the risk of an inconsistent design.",
        },
      ],
      ifNo: [
        {
          criterionKey: "learning-curve",
          change: 1,
          reason: "Nobody has a head start, so how quickly each framework can be learned matters.",
        },
      ],
    },
    {
      key: "existing-django-codebase",
      question: "Must the API live inside an existing Django codebase?",
      ifYes: [
        {
          criterionKey: "django-codebase-fit",
          change: 3,
          reason: "Reusing existing models, auth and business logic avoids duplicating them.",
        },
        {
          criterionKey: "admin-orm",
          change: 1,
          reason: "The existing ORM models and admin come along for free.",
        },
      ],
      ifNo: [
        {
          criterionKey: "django-codebase-fit",
          change: -2,
          reason: "There is no Django code to reuse.",
        },
      ],
    },
    {
      key: "needs-admin",
      question: "Do you need an admin interface to manage content or users?",
      ifYes: [
        {
          criterionKey: "admin-orm",
          change: 2,
          reason: "An admin interface is needed; Django provides one instead of building it.",
        },
        {
          criterionKey: "auth-permissions",
          change: 1,
          reason: "Managing users means roles and permissions matter more.",
        },
      ],
      ifNo: [
        {
          criterionKey: "admin-orm",
          change: -1,
          reason: "No back-office screens are needed.",
        },
      ],
    },
    {
      key: "needs-realtime",
      question: "Do you need real-time features or WebSockets?",
      ifYes: [
        {
          criterionKey: "async-realtime",
          change: 3,
          reason: "Real-time features and WebSockets need async support.",
        },
        {
          criterionKey: "performance",
          change: 1,
          reason: "Many open connections at once make concurrency performance matter.",
        },
      ],
      ifNo: [
        {
          criterionKey: "async-realtime",
          change: -1,
          reason: "No real-time features are planned.",
        },
      ],
    },
    {
      key: "microservices",
      question: "Will this be one of several small services (microservices)?",
      ifYes: [
        {
          criterionKey: "microservices-deployment",
          change: 3,
          reason: "Small, independently deployed services need a light footprint.",
        },
        {
          criterionKey: "api-docs",
          change: 1,
          reason: "Services talk through explicit, documented contracts.",
        },
      ],
      ifNo: [],
    },
    {
      key: "greenfield",
      question: "Is this a greenfield system with no legacy code to integrate?",
      ifYes: [
        {
          criterionKey: "type-safety-tooling",
          change: 2,
          reason: "Starting fresh, modern tooling and type checking can be adopted from day one.",
        },
        {
          criterionKey: "django-codebase-fit",
          change: -2,
          reason: "There is no legacy code to fit into.",
        },
      ],
      ifNo: [],
    },
  ],
  answerConflicts: [
    {
      answers: { "existing-django-codebase": true, greenfield: true },
      why: "an API that must live inside an existing Django codebase has legacy code to integrate, so the system is not greenfield.",
    },
  ],
};
