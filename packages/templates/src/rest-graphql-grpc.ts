import { EDITORIAL_SOURCE } from "./editorial";
import type { DecisionTemplate } from "./types";

/** The API style of a new service: REST, GraphQL or gRPC. */
export const restGraphqlGrpc: DecisionTemplate = {
  key: "rest-graphql-grpc",
  title: "REST, GraphQL or gRPC for our API?",
  summary:
    "Choose the style of a new API: resource-oriented REST, client-shaped GraphQL queries or " +
    "contract-first gRPC.",
  category: "backend",
  tags: ["api", "api-design", "http", "graphql", "grpc", "protobuf"],
  context: `We are designing the API of a new service and must decide which style it speaks.

- **REST**: resources over HTTP with JSON, usually described with OpenAPI.
- **GraphQL**: one endpoint and a typed schema; each client asks for exactly the fields it needs.
- **gRPC**: contracts written in Protocol Buffers, called over HTTP/2 through generated clients.

Before voting, write down who the clients are (our own web and mobile apps, other internal services, outside developers) and how their needs are likely to change. That usually settles more than raw speed does.`,
  source: EDITORIAL_SOURCE,
  options: [
    {
      key: "rest",
      name: "REST (JSON over HTTP)",
      description:
        "Resource-oriented endpoints using HTTP methods, status codes and caching, described " +
        "with OpenAPI.",
    },
    {
      key: "graphql",
      name: "GraphQL",
      description:
        "A typed schema behind a single endpoint; clients query exactly the fields and relations " +
        "they need.",
    },
    {
      key: "grpc",
      name: "gRPC",
      description:
        "Contract-first remote procedure calls defined in Protocol Buffers and sent over HTTP/2 " +
        "with generated clients.",
    },
  ],
  criteria: [
    {
      key: "client-flexibility",
      name: "Fit for varied client needs",
      description: "How well one API serves clients that need different shapes of the same data.",
      defaultWeight: 3,
      guidance: {
        rest: {
          summary:
            "Fixed resource shapes lead to some over-fetching or extra round trips per screen; " +
            "sparse fieldsets, embedded resources or a backend-for-frontend close most of the " +
            "gap at the cost of more endpoints to maintain.",
          suggestedScore: 3,
        },
        graphql: {
          summary:
            "Its central strength: each screen fetches exactly the fields and nested relations " +
            "it needs in one request, and new fields ship without touching existing clients.",
          suggestedScore: 5,
        },
        grpc: {
          summary:
            "Each method returns a fixed message, so serving many screen-specific shapes means " +
            "more methods or field masks; workable, but the style is designed for service calls " +
            "rather than UI needs.",
          suggestedScore: 2,
        },
      },
    },
    {
      key: "frontend-autonomy",
      name: "Frontend teams moving on their own",
      description: "Building new screens from existing data without waiting for backend changes.",
      defaultWeight: 2,
      guidance: {
        rest: {
          summary:
            "New screens often need a new or changed endpoint, so frontend work waits on backend " +
            "releases unless a backend-for-frontend owned by the frontend team absorbs it.",
          suggestedScore: 3,
        },
        graphql: {
          summary:
            "Once data is in the schema, frontend developers compose queries for new screens " +
            "themselves, and federation can join several services' data behind one graph.",
          suggestedScore: 5,
        },
        grpc: {
          summary:
            "Every new need means a change to the .proto contract and a server release, which " +
            "suits stable service interfaces better than fast-moving screens.",
          suggestedScore: 2,
        },
      },
    },
    {
      key: "performance",
      name: "Performance and payload efficiency",
      description: "Latency, payload size and CPU cost per call, especially between services.",
      defaultWeight: 3,
      guidance: {
        rest: {
          summary:
            "JSON over HTTP is fast enough for most products; text payloads and parsing cost " +
            "more than a binary encoding once call volumes get high.",
          suggestedScore: 3,
        },
        graphql: {
          summary:
            "Saves round trips for complex screens, but parsing, validation and resolver fan-out " +
            "add server work, and naive resolvers turn one query into many database calls (the " +
            "N+1 problem) unless batched with DataLoader-style loaders.",
          suggestedScore: 3,
        },
        grpc: {
          summary:
            "Compact binary Protobuf messages over multiplexed HTTP/2 connections keep latency " +
            "and CPU per call low, which shows most in chatty service-to-service traffic.",
          suggestedScore: 5,
        },
      },
    },
    {
      key: "http-caching",
      name: "HTTP and CDN caching",
      description: "Using browser, proxy and CDN caches to cut load and latency for read traffic.",
      defaultWeight: 2,
      guidance: {
        rest: {
          summary:
            "GET requests on stable URLs work with ETags, Cache-Control and every CDN out of the " +
            "box; the web's caching was designed around exactly this style.",
          suggestedScore: 5,
        },
        graphql: {
          summary:
            "Queries usually arrive as POST requests to one URL, which shared caches cannot use; " +
            "persisted queries sent over GET and normalised client caches (Apollo, Relay) win " +
            "much of it back with extra work.",
          suggestedScore: 2,
        },
        grpc: {
          summary:
            "Calls are HTTP/2 POSTs that browsers, proxies and CDNs do not cache, so any caching " +
            "lives in the client or in a layer we build ourselves.",
          suggestedScore: 1,
        },
      },
    },
    {
      key: "reach",
      name: "Reach: browsers and outside developers",
      description:
        "How easily browsers, partners and outside developers can call the API with common tools.",
      defaultWeight: 3,
      guidance: {
        rest: {
          summary:
            "Callable from any language, browser or curl with no special client, and the style " +
            "outside developers expect; OpenAPI tooling generates docs and SDKs.",
          suggestedScore: 5,
        },
        graphql: {
          summary:
            "Works from browsers and any HTTP client without a proxy, and large public APIs " +
            "(GitHub, Shopify) use it; partners must learn to write queries, and a public " +
            "endpoint needs query cost limits.",
          suggestedScore: 4,
        },
        grpc: {
          summary:
            "Browsers cannot speak native gRPC, so web clients go through gRPC-Web or a " +
            "transcoding proxy such as Envoy or grpc-gateway; partners need Protobuf tooling, " +
            "common inside companies but rarer outside.",
          suggestedScore: 2,
        },
      },
    },
    {
      key: "contract-typing",
      name: "Typed contract and code generation",
      description:
        "A machine-checked contract that generates clients and catches breaking changes early.",
      defaultWeight: 3,
      guidance: {
        rest: {
          summary:
            "OpenAPI gives a typed contract and generated clients, but it is optional and drifts " +
            "from the code unless generated from it or checked in CI.",
          suggestedScore: 3,
        },
        graphql: {
          summary:
            "The schema is mandatory and introspectable; code generators produce typed clients, " +
            "and every query is validated against the schema at build time.",
          suggestedScore: 4,
        },
        grpc: {
          summary:
            "The .proto file is the contract: servers and clients in many languages are " +
            "generated from it, and tools such as buf flag breaking changes automatically.",
          suggestedScore: 5,
        },
      },
    },
    {
      key: "evolution",
      name: "Versioning and evolution",
      description: "Changing the API over time without breaking clients already in use.",
      defaultWeight: 3,
      guidance: {
        rest: {
          summary:
            "Additive changes are easy; breaking ones tend to mean a new version of the " +
            "endpoints (/v2) that must run beside the old one until every client has moved.",
          suggestedScore: 3,
        },
        graphql: {
          summary:
            "Fields are added freely and old ones marked @deprecated, and per-field usage " +
            "metrics show when one can go, so many GraphQL APIs never need a version number.",
          suggestedScore: 4,
        },
        grpc: {
          summary:
            "Numbered Protobuf fields make adding and retiring fields backward compatible by " +
            "design, provided the team keeps the rules, such as never reusing a field number.",
          suggestedScore: 4,
        },
      },
    },
    {
      key: "streaming",
      name: "Streaming and real-time",
      description: "Server push, bidirectional streams and live updates to clients.",
      defaultWeight: 2,
      guidance: {
        rest: {
          summary:
            "Request and response by nature; live updates need server-sent events, WebSockets or " +
            "webhooks added beside the API.",
          suggestedScore: 2,
        },
        graphql: {
          summary:
            "Subscriptions are part of the specification, but they need a WebSocket or SSE " +
            "transport and a pub/sub backend, and running them at scale takes real effort.",
          suggestedScore: 3,
        },
        grpc: {
          summary:
            "Client, server and bidirectional streaming are built into the protocol over HTTP/2, " +
            "a good match for feeds, telemetry and long-running exchanges between services.",
          suggestedScore: 5,
        },
      },
    },
    {
      key: "server-effort",
      name: "Server effort and protection",
      description:
        "Work to build and secure the server: authorisation, limits on expensive requests.",
      defaultWeight: 3,
      guidance: {
        rest: {
          summary:
            "Each endpoint is a plain handler with a known cost, so authorisation, rate limits " +
            "and query tuning attach to routes in familiar ways.",
          suggestedScore: 4,
        },
        graphql: {
          summary:
            "Resolvers need batching against N+1 queries, authorisation per field, and depth or " +
            "cost limits so that one query cannot exhaust the server; all solvable, but each is " +
            "work REST does not ask for.",
          suggestedScore: 2,
        },
        grpc: {
          summary:
            "Handlers implement generated interfaces with a fixed cost per method, and " +
            "interceptors cover auth and deadlines; the build gains a Protobuf code generation " +
            "step.",
          suggestedScore: 4,
        },
      },
    },
    {
      key: "debugging",
      name: "Debugging and observability",
      description: "How easily calls can be inspected, replayed and monitored with everyday tools.",
      defaultWeight: 2,
      guidance: {
        rest: {
          summary:
            "Readable JSON, meaningful URLs and status codes work with browser dev tools, curl, " +
            "proxies and every monitoring product without setup.",
          suggestedScore: 5,
        },
        graphql: {
          summary:
            "Most calls are POSTs to one URL that often answer 200 with errors in the body, so " +
            "monitoring needs operation names and GraphQL-aware tracing; GraphiQL makes " +
            "exploring the API pleasant.",
          suggestedScore: 3,
        },
        grpc: {
          summary:
            "Binary payloads need grpcurl, server reflection or Protobuf-aware tools to read; " +
            "tracing through interceptors works well once set up, but ad-hoc debugging is " +
            "harder.",
          suggestedScore: 2,
        },
      },
    },
    {
      key: "team-familiarity",
      name: "Team familiarity and hiring",
      description:
        "How many of our developers, and the people we hire, already know the style well.",
      defaultWeight: 3,
      guidance: {
        rest: {
          summary:
            "Almost every developer has built and consumed REST APIs, so onboarding and hiring " +
            "carry no extra cost.",
          suggestedScore: 5,
        },
        graphql: {
          summary:
            "Well known among frontend developers; running a GraphQL server well, with schema " +
            "design, batching and cost limits, is rarer experience.",
          suggestedScore: 3,
        },
        grpc: {
          summary:
            "Common in backend and platform teams at larger companies, less so elsewhere; " +
            "Protobuf, HTTP/2 and deadline conventions take time to learn.",
          suggestedScore: 2,
        },
      },
    },
    {
      key: "infrastructure-support",
      name: "Infrastructure and tooling support",
      description:
        "Gateways, load balancers, testing tools and libraries that handle the style well.",
      defaultWeight: 2,
      guidance: {
        rest: {
          summary:
            "Every API gateway, load balancer, firewall, mock server and testing tool supports " +
            "it with no special configuration.",
          suggestedScore: 5,
        },
        graphql: {
          summary:
            "Mature servers and clients exist for most languages, with federation for many " +
            "teams' schemas; gateways and firewalls increasingly understand queries, though not " +
            "all do.",
          suggestedScore: 4,
        },
        grpc: {
          summary:
            "Official libraries cover most languages and service meshes support it natively; " +
            "long-lived HTTP/2 connections need layer-7 or client-side load balancing to spread " +
            "evenly.",
          suggestedScore: 3,
        },
      },
    },
  ],
  contextQuestions: [
    {
      key: "varied-clients",
      question:
        "Will several clients (web, mobile, partners) need different shapes of the same data?",
      ifYes: [
        {
          criterionKey: "client-flexibility",
          change: 2,
          reason: "Varied screens are where fetching exactly the fields each one needs pays off.",
        },
        {
          criterionKey: "evolution",
          change: 1,
          reason:
            "Many clients on their own release cycles make non-breaking change more valuable.",
        },
        {
          criterionKey: "frontend-autonomy",
          change: 2,
          reason: "Several client teams building screens should not queue for backend changes.",
        },
      ],
      ifNo: [
        {
          criterionKey: "client-flexibility",
          change: -1,
          reason: "One client with stable needs is served well by fixed responses.",
        },
        {
          criterionKey: "frontend-autonomy",
          change: -1,
          reason: "With one client, backend and frontend changes are easy to ship together.",
        },
      ],
    },
    {
      key: "service-to-service",
      question: "Will the API be called mainly by our own backend services rather than browsers?",
      ifYes: [
        {
          criterionKey: "performance",
          change: 2,
          reason: "Service-to-service calls are frequent, so the cost of each call adds up.",
        },
        {
          criterionKey: "contract-typing",
          change: 1,
          reason: "Generated clients keep many internal callers in step with the contract.",
        },
        {
          criterionKey: "reach",
          change: -2,
          reason: "Browsers and outside developers are not the main callers.",
        },
        {
          criterionKey: "http-caching",
          change: -1,
          reason: "Calls between services rarely go through shared HTTP caches.",
        },
      ],
      ifNo: [
        {
          criterionKey: "reach",
          change: 1,
          reason:
            "Browsers are the main callers, so calling the API without extra tooling matters.",
        },
      ],
    },
    {
      key: "public-api",
      question: "Will outside developers or partners build on this API?",
      ifYes: [
        {
          criterionKey: "reach",
          change: 2,
          reason: "Outside developers need an API they can call with the tools they already have.",
        },
        {
          criterionKey: "evolution",
          change: 1,
          reason: "We cannot make outside clients upgrade, so breaking changes are very costly.",
        },
        {
          criterionKey: "server-effort",
          change: 1,
          reason: "A public API must defend itself against expensive or abusive requests.",
        },
      ],
      ifNo: [
        {
          criterionKey: "reach",
          change: -1,
          reason: "Only our own teams call it, and they can adopt whatever tooling it needs.",
        },
      ],
    },
    {
      key: "shared-reads",
      question:
        "Is most traffic reads of data that many users share, such as catalogues or public " +
        "content?",
      ifYes: [
        {
          criterionKey: "http-caching",
          change: 2,
          reason: "Shared, read-heavy data is where browser and CDN caches save the most.",
        },
        {
          criterionKey: "performance",
          change: 1,
          reason: "High read volume makes the cost of each response matter more.",
        },
      ],
      ifNo: [
        {
          criterionKey: "http-caching",
          change: -1,
          reason: "Personal or write-heavy traffic gains little from shared caches.",
        },
      ],
    },
    {
      key: "needs-streaming",
      question: "Do clients need live updates or long-lived streams of data?",
      ifYes: [
        {
          criterionKey: "streaming",
          change: 3,
          reason: "Live updates are a requirement, so built-in streaming support matters.",
        },
      ],
      ifNo: [
        {
          criterionKey: "streaming",
          change: -1,
          reason: "Plain request and response covers what clients need.",
        },
      ],
    },
    {
      key: "graphql-grpc-experience",
      question: "Has someone on the team run GraphQL or gRPC in production?",
      ifYes: [
        {
          criterionKey: "team-familiarity",
          change: -1,
          reason: "Experience with these styles is already in the team.",
        },
      ],
      ifNo: [
        {
          criterionKey: "team-familiarity",
          change: 2,
          reason:
            "Without in-house experience, learning a new style costs the team time and mistakes.",
        },
        {
          criterionKey: "debugging",
          change: 1,
          reason: "Everyday tools the team already knows shorten every investigation.",
        },
      ],
    },
  ],
};
