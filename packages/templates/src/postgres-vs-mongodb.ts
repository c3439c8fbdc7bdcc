import { EDITORIAL_SOURCE } from "./editorial";
import type { DecisionTemplate } from "./types";

/** The primary database of a product: relational PostgreSQL or document-oriented MongoDB. */
export const postgresVsMongodb: DecisionTemplate = {
  key: "postgres-vs-mongodb",
  title: "PostgreSQL or MongoDB for our primary database?",
  summary:
    "Pick the primary database: relational PostgreSQL with joins and transactions, or " +
    "document-oriented MongoDB with flexible schemas.",
  category: "data",
  tags: ["database", "sql", "nosql", "data-modelling", "postgresql", "mongodb"],
  context: `We need a primary database for the product. Both candidates are mature, widely used and offered as managed services in every major cloud.

The deciding questions are usually:

- the **shape of our data**: many relationships between entities, or self-contained documents read and written whole;
- how much **consistency across records** we need (payments, stock, permissions);
- how the data's structure will **change**, and how much **scale** we really expect;
- what the team already runs well.`,
  source: EDITORIAL_SOURCE,
  options: [
    {
      key: "postgresql",
      name: "PostgreSQL",
      description:
        "An open-source relational database with SQL, strong transactions, rich indexing and " +
        "JSONB for semi-structured data.",
    },
    {
      key: "mongodb",
      name: "MongoDB",
      description:
        "A document database storing JSON-like documents, with flexible schemas, an aggregation " +
        "pipeline and built-in sharding.",
    },
  ],
  criteria: [
    {
      key: "data-model-fit",
      name: "Fit with the shape of our data",
      description:
        "How naturally our entities and their relationships map onto the database's model.",
      defaultWeight: 4,
      guidance: {
        postgresql: {
          summary:
            "Normalised tables and foreign keys suit data with many relationships between " +
            "entities; nested data fits in JSONB columns, though it is less convenient to query " +
            "than separate tables.",
          suggestedScore: 4,
        },
        mongodb: {
          summary:
            "Documents fit aggregates that are read and written whole, such as a profile or an " +
            "order with its lines; many-to-many relationships become references resolved by the " +
            "application or $lookup.",
          suggestedScore: 4,
        },
      },
    },
    {
      key: "schema-flexibility",
      name: "Schema flexibility",
      description: "How easily the data's structure can change over time and vary between records.",
      defaultWeight: 2,
      guidance: {
        postgresql: {
          summary:
            "Changes go through migrations that keep every row consistent; adding a column is " +
            "quick, but rewriting or backfilling large tables needs care, and JSONB covers the " +
            "parts that genuinely vary.",
          suggestedScore: 3,
        },
        mongodb: {
          summary:
            "Documents in one collection can differ, so new fields ship without a migration; the " +
            "price is that old shapes linger, and the code or a JSON Schema validator must " +
            "handle every version.",
          suggestedScore: 5,
        },
      },
    },
    {
      key: "queries-joins",
      name: "Joins and ad-hoc queries",
      description: "Combining related data and answering new questions without reshaping storage.",
      defaultWeight: 3,
      guidance: {
        postgresql: {
          summary:
            "SQL with joins, window functions, common table expressions and a cost-based planner " +
            "answers questions nobody planned for, across as many tables as needed.",
          suggestedScore: 5,
        },
        mongodb: {
          summary:
            "Queries and the aggregation pipeline are capable and $lookup performs joins, but " +
            "joins are slower and clumsier than in SQL, so documents are usually shaped around " +
            "known access patterns.",
          suggestedScore: 3,
        },
      },
    },
    {
      key: "transactions-integrity",
      name: "Transactions and data integrity",
      description: "Atomic changes across records, and constraints that keep the data consistent.",
      defaultWeight: 4,
      guidance: {
        postgresql: {
          summary:
            "ACID transactions across any rows and tables, with foreign keys, unique and check " +
            "constraints enforced by the database itself.",
          suggestedScore: 5,
        },
        mongodb: {
          summary:
            "Writes to one document are atomic and multi-document transactions exist since " +
            "version 4.0, but they cost more and have limits, and without foreign keys integrity " +
            "across documents is the application's job.",
          suggestedScore: 3,
        },
      },
    },
    {
      key: "horizontal-scale",
      name: "Horizontal write scaling",
      description: "Growing beyond what one machine can write and store.",
      defaultWeight: 2,
      guidance: {
        postgresql: {
          summary:
            "One primary scales a long way on a bigger machine with read replicas; beyond that, " +
            "sharding needs an extension such as Citus, a distributed Postgres-compatible " +
            "database, or partitioning in the application.",
          suggestedScore: 3,
        },
        mongodb: {
          summary:
            "Sharding is built in and spreads data and writes across nodes, provided the shard " +
            "key is chosen well; a poor shard key is costly to change later.",
          suggestedScore: 5,
        },
      },
    },
    {
      key: "performance",
      name: "Performance for our access patterns",
      description: "Latency and throughput for the reads and writes the product does most.",
      defaultWeight: 3,
      guidance: {
        postgresql: {
          summary:
            "Fast for mixed relational workloads with the right indexes; tables with heavy " +
            "update traffic need autovacuum tuning to stay fast.",
          suggestedScore: 4,
        },
        mongodb: {
          summary:
            "Reading a whole aggregate from one document avoids joins and is very fast; " +
            "performance drops when documents grow large or queries reach across many " +
            "collections.",
          suggestedScore: 4,
        },
      },
    },
    {
      key: "operations",
      name: "Operations and high availability",
      description:
        "Backups, failover, upgrades and monitoring, whether we run it or a provider does.",
      defaultWeight: 3,
      guidance: {
        postgresql: {
          summary:
            "Managed offerings in every cloud handle backups and failover; self-hosted high " +
            "availability needs tools such as Patroni, and major-version upgrades take planning.",
          suggestedScore: 4,
        },
        mongodb: {
          summary:
            "Replica sets with automatic failover are built in and Atlas is a polished managed " +
            "service; a self-run sharded cluster adds config servers and routers to operate.",
          suggestedScore: 4,
        },
      },
    },
    {
      key: "ecosystem",
      name: "Ecosystem and tooling",
      description: "ORMs, drivers, migration tools, BI connectors and extensions available.",
      defaultWeight: 2,
      guidance: {
        postgresql: {
          summary:
            "Supported by nearly every ORM, migration, BI and ETL tool, and extensions such as " +
            "PostGIS, pgvector and TimescaleDB add whole capabilities.",
          suggestedScore: 5,
        },
        mongodb: {
          summary:
            "Official drivers for every major language, ODMs such as Mongoose, and Atlas " +
            "features like full-text and vector search; fewer reporting tools speak it natively.",
          suggestedScore: 4,
        },
      },
    },
    {
      key: "team-expertise",
      name: "Team expertise and hiring",
      description: "What the team already runs well, and how easy it is to hire for.",
      defaultWeight: 3,
      guidance: {
        postgresql: {
          summary:
            "SQL and relational modelling are among the most common skills in the industry; deep " +
            "tuning knowledge of query plans, locking and vacuum is rarer.",
          suggestedScore: 4,
        },
        mongodb: {
          summary:
            "Quick to start with for developers at home in JSON; modelling documents around " +
            "access patterns is a skill of its own, and an early model that misses them is " +
            "costly to change.",
          suggestedScore: 3,
        },
      },
    },
    {
      key: "reporting",
      name: "Reporting and analytics",
      description: "Answering business questions and feeding dashboards from the operational data.",
      defaultWeight: 2,
      guidance: {
        postgresql: {
          summary:
            "SQL is what analysts and BI tools already speak, so reports can run directly on a " +
            "read replica; very large analytical workloads still belong in a warehouse.",
          suggestedScore: 4,
        },
        mongodb: {
          summary:
            "The aggregation pipeline covers many reports and Atlas offers SQL and BI " +
            "connectors, but most analytics setups copy the data into a SQL warehouse first.",
          suggestedScore: 3,
        },
      },
    },
    {
      key: "hosting-freedom",
      name: "Licensing and hosting freedom",
      description:
        "Running the database anywhere and switching providers without licence constraints.",
      defaultWeight: 2,
      guidance: {
        postgresql: {
          summary:
            "A permissive open-source licence and compatible managed offerings from every cloud " +
            "make moving between providers straightforward.",
          suggestedScore: 5,
        },
        mongodb: {
          summary:
            "The Server Side Public License keeps self-hosting free but deters other providers " +
            "from selling it as a service, so the full managed product is Atlas (on all major " +
            "clouds); compatible services implement only part of the API.",
          suggestedScore: 3,
        },
      },
    },
    {
      key: "early-velocity",
      name: "Speed of early development",
      description: "How quickly the first versions ship while requirements are still moving.",
      defaultWeight: 2,
      guidance: {
        postgresql: {
          summary:
            "Designing a schema and writing migrations slows the first weeks a little, though " +
            "modern ORMs keep that cost small and the schema documents the data.",
          suggestedScore: 3,
        },
        mongodb: {
          summary:
            "Storing objects much as the code holds them, with no migrations to write, makes " +
            "early iteration fast; the cost of that freedom arrives later as data versions pile " +
            "up.",
          suggestedScore: 4,
        },
      },
    },
  ],
  contextQuestions: [
    {
      key: "many-relationships",
      question: "Is our data full of relationships between entities that refer to each other?",
      ifYes: [
        {
          criterionKey: "queries-joins",
          change: 2,
          reason: "Interrelated data is read through joins, so how well they work matters more.",
        },
        {
          criterionKey: "transactions-integrity",
          change: 1,
          reason: "References between records need to stay valid as they change.",
        },
      ],
      ifNo: [
        {
          criterionKey: "queries-joins",
          change: -2,
          reason: "Self-contained records rarely need joins.",
        },
      ],
    },
    {
      key: "varying-structure",
      question:
        "Do records of one kind vary a lot in structure or change shape often, such as " +
        "user-defined fields or third-party payloads?",
      ifYes: [
        {
          criterionKey: "schema-flexibility",
          change: 2,
          reason: "Structure that varies or keeps changing is costly to force into fixed columns.",
        },
        {
          criterionKey: "early-velocity",
          change: 1,
          reason: "Shapes will keep moving, so iterating without migrations helps more.",
        },
      ],
      ifNo: [
        {
          criterionKey: "schema-flexibility",
          change: -1,
          reason: "A stable structure gains little from a flexible schema.",
        },
      ],
    },
    {
      key: "all-or-nothing-changes",
      question:
        "Must some changes spanning several records succeed or fail together, as with payments, " +
        "stock or bookings?",
      ifYes: [
        {
          criterionKey: "transactions-integrity",
          change: 1,
          reason: "A half-applied change would corrupt money, stock or bookings.",
        },
      ],
      ifNo: [
        {
          criterionKey: "transactions-integrity",
          change: -2,
          reason: "Changes rarely span records, and occasional inconsistency can be repaired.",
        },
      ],
    },
    {
      key: "beyond-one-server",
      question:
        "Do we expect more writes or data than one large server can handle within two years?",
      ifYes: [
        {
          criterionKey: "horizontal-scale",
          change: 3,
          reason: "Outgrowing one machine soon makes built-in sharding a real need, not insurance.",
        },
      ],
      ifNo: [
        {
          criterionKey: "horizontal-scale",
          change: -1,
          reason: "One server with replicas covers the expected load.",
        },
      ],
    },
    {
      key: "ad-hoc-reporting",
      question: "Will the business run reports and ad-hoc queries on this data?",
      ifYes: [
        {
          criterionKey: "reporting",
          change: 2,
          reason: "Reports and new questions will keep coming from outside the engineering team.",
        },
        {
          criterionKey: "queries-joins",
          change: 1,
          reason: "Unplanned questions usually combine data from several collections or tables.",
        },
      ],
      ifNo: [
        {
          criterionKey: "reporting",
          change: -1,
          reason: "Reporting happens elsewhere or not at all.",
        },
      ],
    },
    {
      key: "outside-one-cloud",
      question:
        "Must the database run outside one cloud provider's managed service, on premises or in " +
        "several clouds?",
      ifYes: [
        {
          criterionKey: "hosting-freedom",
          change: 2,
          reason: "Where and how we may run the database is a hard constraint.",
        },
        {
          criterionKey: "operations",
          change: 1,
          reason: "We will operate more of it ourselves.",
        },
      ],
      ifNo: [
        {
          criterionKey: "hosting-freedom",
          change: -1,
          reason: "A managed service in our cloud is acceptable.",
        },
      ],
    },
  ],
};
