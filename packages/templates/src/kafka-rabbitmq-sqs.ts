import { EDITORIAL_SOURCE } from "./editorial";
import type { DecisionTemplate } from "./types";

/** How services exchange messages: a Kafka log, a RabbitMQ broker or a managed cloud queue. */
export const kafkaRabbitmqSqs: DecisionTemplate = {
  key: "kafka-rabbitmq-sqs",
  title: "Kafka, RabbitMQ or a managed cloud queue?",
  summary:
    "Choose how services exchange messages and events: an Apache Kafka log, a RabbitMQ broker, " +
    "or a managed queue such as Amazon SQS or Google Pub/Sub.",
  category: "infrastructure",
  tags: ["messaging", "events", "queue", "streaming", "kafka", "rabbitmq", "sqs"],
  context: `Our services need to exchange messages asynchronously: background jobs, events between services, or a stream of data read by several consumers. Decide which messaging system we standardise on.

- **Apache Kafka**: a partitioned, replicated log that keeps events for a set time, so consumers read and re-read them at their own pace.
- **RabbitMQ**: a broker that routes messages through exchanges to queues, with an acknowledgement for each message.
- **Managed cloud queue**: a service run entirely by our cloud provider, such as Amazon SQS with SNS, Google Cloud Pub/Sub or Azure Service Bus.

Kafka and RabbitMQ are also sold as managed services (Confluent Cloud, Amazon MSK, Amazon MQ, CloudAMQP); if that is what we would use, score their operational criteria accordingly.`,
  source: EDITORIAL_SOURCE,
  options: [
    {
      key: "kafka",
      name: "Apache Kafka",
      description:
        "A distributed, partitioned commit log for high-throughput event streams that are " +
        "retained and can be replayed.",
    },
    {
      key: "rabbitmq",
      name: "RabbitMQ",
      description:
        "A general-purpose message broker with flexible routing, per-message acknowledgements " +
        "and several protocols (AMQP, MQTT, STOMP).",
    },
    {
      key: "managed-queue",
      name: "Managed cloud queue",
      description:
        "A serverless queue or pub/sub service run by the cloud provider: Amazon SQS and SNS, " +
        "Google Pub/Sub, Azure Service Bus.",
    },
  ],
  criteria: [
    {
      key: "throughput",
      name: "Throughput at scale",
      description: "The sustained message rate and data volume the system handles.",
      defaultWeight: 2,
      guidance: {
        kafka: {
          summary:
            "Built for very high throughput: sequential disk writes, batching and partitioning " +
            "let a modest cluster move millions of messages per second.",
          suggestedScore: 5,
        },
        rabbitmq: {
          summary:
            "Tens of thousands of messages per second per node are comfortable; far higher " +
            "volumes need careful queue design or its newer streams feature.",
          suggestedScore: 3,
        },
        "managed-queue": {
          summary:
            "Scales almost without limit and with no capacity planning, within per-request " +
            "quotas and batching rules; the bill grows with the volume.",
          suggestedScore: 4,
        },
      },
    },
    {
      key: "replay",
      name: "Retention and replay",
      description:
        "Keeping messages after consumption so new or fixed consumers can reprocess history.",
      defaultWeight: 2,
      guidance: {
        kafka: {
          summary:
            "Events stay for a configured time, or indefinitely with compaction or tiered " +
            "storage, and any consumer can rewind to an earlier offset and replay.",
          suggestedScore: 5,
        },
        rabbitmq: {
          summary:
            "Classic and quorum queues delete a message once it is acknowledged; RabbitMQ " +
            "Streams add log-style retention and replay, but they are newer and less widely " +
            "used.",
          suggestedScore: 2,
        },
        "managed-queue": {
          summary:
            "SQS deletes messages once processed and keeps the rest for at most 14 days; Pub/Sub " +
            "can retain messages and seek back for up to a few weeks, but long-term replay is " +
            "not what these services are for.",
          suggestedScore: 2,
        },
      },
    },
    {
      key: "routing",
      name: "Routing and messaging patterns",
      description:
        "Work queues, pub/sub, routing by key or header, priorities, delays and request/reply.",
      defaultWeight: 2,
      guidance: {
        kafka: {
          summary:
            "Topics and consumer groups cover pub/sub and partitioned work; routing per message, " +
            "priorities and delayed delivery need extra topics or application code.",
          suggestedScore: 2,
        },
        rabbitmq: {
          summary:
            "Direct, topic, fanout and header exchanges, priorities, time-to-live, dead-letter " +
            "exchanges and request/reply cover almost any pattern through configuration.",
          suggestedScore: 5,
        },
        "managed-queue": {
          summary:
            "Covers the common patterns (work queues, fan-out through topics, filters, delays " +
            "and dead-letter queues), though each provider has its own feature set and limits.",
          suggestedScore: 3,
        },
      },
    },
    {
      key: "ordering-delivery",
      name: "Ordering and delivery guarantees",
      description: "Message order, at-least-once or exactly-once processing, and duplicates.",
      defaultWeight: 3,
      guidance: {
        kafka: {
          summary:
            "Strict order within a partition, and idempotent producers with transactions give " +
            "exactly-once processing within Kafka; there is no order across partitions.",
          suggestedScore: 4,
        },
        rabbitmq: {
          summary:
            "Order holds within a queue with a single consumer, and publisher confirms with " +
            "acknowledgements give at-least-once delivery; redeliveries mean consumers must be " +
            "idempotent.",
          suggestedScore: 3,
        },
        "managed-queue": {
          summary:
            "Standard queues are at-least-once with best-effort order; FIFO queues or ordering " +
            "keys keep order per group, at a lower throughput.",
          suggestedScore: 3,
        },
      },
    },
    {
      key: "operations",
      name: "Operational burden",
      description: "Running, upgrading, scaling and monitoring it, if we host it ourselves.",
      defaultWeight: 4,
      guidance: {
        kafka: {
          summary:
            "A cluster to size, monitor and rebalance, with partitions, retention and consumer " +
            "lag to watch; KRaft removed the need for ZooKeeper, and managed offerings take most " +
            "of the work away at a price.",
          suggestedScore: 2,
        },
        rabbitmq: {
          summary:
            "Simpler to run than Kafka at moderate loads, with quorum queues for safe " +
            "replication; memory alarms, growing queues and upgrades still need attention.",
          suggestedScore: 3,
        },
        "managed-queue": {
          summary:
            "Nothing to run: no servers, patches or capacity planning, and the provider handles " +
            "availability and scaling.",
          suggestedScore: 5,
        },
      },
    },
    {
      key: "cost",
      name: "Cost at our volume",
      description: "Infrastructure and service fees for the message volume we expect.",
      defaultWeight: 2,
      guidance: {
        kafka: {
          summary:
            "A minimal reliable cluster costs a fixed amount even when idle; at high volume it " +
            "becomes the cheapest per message.",
          suggestedScore: 3,
        },
        rabbitmq: {
          summary:
            "A small cluster carries moderate volumes cheaply, and the cost grows mostly with " +
            "the people time needed to run it.",
          suggestedScore: 4,
        },
        "managed-queue": {
          summary:
            "Pay per request with no idle cost, which is very cheap at low and moderate volume; " +
            "at sustained high volume the fees can exceed running our own.",
          suggestedScore: 4,
        },
      },
    },
    {
      key: "portability",
      name: "Portability and lock-in",
      description: "Running the same system in any cloud or on premises, and moving later.",
      defaultWeight: 2,
      guidance: {
        kafka: {
          summary:
            "Open source, with managed offerings on every major cloud and protocol-compatible " +
            "alternatives such as Redpanda, so moving is straightforward.",
          suggestedScore: 5,
        },
        rabbitmq: {
          summary:
            "Open source and runs anywhere, with AMQP clients for every language and managed " +
            "hosting from several providers.",
          suggestedScore: 5,
        },
        "managed-queue": {
          summary:
            "Each provider's API and semantics differ, so moving clouds means rewriting " +
            "producers and consumers unless they sit behind our own abstraction.",
          suggestedScore: 2,
        },
      },
    },
    {
      key: "ecosystem",
      name: "Ecosystem and integrations",
      description: "Connectors, stream processing and client libraries around the system.",
      defaultWeight: 2,
      guidance: {
        kafka: {
          summary:
            "Kafka Connect, Kafka Streams, Flink and Debezium for change data capture make it " +
            "the hub of many data pipelines, with a large catalogue of connectors.",
          suggestedScore: 5,
        },
        rabbitmq: {
          summary:
            "Mature clients in every language, plugins for MQTT and STOMP, and support in most " +
            "job and messaging frameworks such as Celery, Spring AMQP and MassTransit.",
          suggestedScore: 4,
        },
        "managed-queue": {
          summary:
            "Integrates natively with the provider's other services (functions, storage events, " +
            "access control, monitoring); integrations outside that cloud are thinner.",
          suggestedScore: 4,
        },
      },
    },
    {
      key: "learning-curve",
      name: "Learning curve",
      description: "How quickly the team can use it correctly, including its failure modes.",
      defaultWeight: 3,
      guidance: {
        kafka: {
          summary:
            "Partitions, offsets, consumer groups and rebalances are powerful but easy to get " +
            "wrong, and choosing partition counts and keys needs foresight.",
          suggestedScore: 2,
        },
        rabbitmq: {
          summary:
            "Queues and acknowledgements are intuitive; exchanges, bindings and durability " +
            "settings take some learning.",
          suggestedScore: 3,
        },
        "managed-queue": {
          summary:
            "A small API for sending, receiving and deleting messages with sensible defaults; " +
            "visibility timeouts and dead-letter queues are the main concepts to learn.",
          suggestedScore: 5,
        },
      },
    },
    {
      key: "latency",
      name: "Delivery latency",
      description: "Time from publishing a message to a consumer receiving it.",
      defaultWeight: 2,
      guidance: {
        kafka: {
          summary:
            "A few milliseconds end to end when tuned for it; batching settings trade latency " +
            "against throughput.",
          suggestedScore: 4,
        },
        rabbitmq: {
          summary:
            "Pushes messages to consumers with latency around a millisecond at moderate loads.",
          suggestedScore: 5,
        },
        "managed-queue": {
          summary:
            "Typically tens of milliseconds; SQS consumers poll for messages, and long polling " +
            "narrows but does not close the gap with push-based brokers.",
          suggestedScore: 3,
        },
      },
    },
    {
      key: "many-consumers",
      name: "Many independent consumers",
      description: "Several services reading the same events independently, each at its own pace.",
      defaultWeight: 3,
      guidance: {
        kafka: {
          summary:
            "Any number of consumer groups read the same topic independently, each tracking its " +
            "own position, without copying the data.",
          suggestedScore: 5,
        },
        rabbitmq: {
          summary:
            "Fanout copies each message into one queue per consumer, which works well but " +
            "multiplies storage, and a consumer added later sees no earlier messages.",
          suggestedScore: 3,
        },
        "managed-queue": {
          summary:
            "SNS to SQS fan-out or Pub/Sub subscriptions give each consumer its own copy; a new " +
            "subscriber starts from the moment it subscribes.",
          suggestedScore: 3,
        },
      },
    },
  ],
  contextQuestions: [
    {
      key: "shared-event-stream",
      question: "Do several services need to consume the same events, or reprocess past events?",
      ifYes: [
        {
          criterionKey: "many-consumers",
          change: 2,
          reason: "Several readers of one stream is what an event log does best.",
        },
        {
          criterionKey: "replay",
          change: 2,
          reason:
            "Reprocessing history, or starting a new consumer from the past, needs retention.",
        },
      ],
      ifNo: [
        {
          criterionKey: "many-consumers",
          change: -1,
          reason: "Each message has one consumer.",
        },
        {
          criterionKey: "replay",
          change: -1,
          reason: "Messages are done with once processed.",
        },
      ],
    },
    {
      key: "high-volume",
      question: "Will peak traffic exceed about 10,000 messages per second?",
      ifYes: [
        {
          criterionKey: "throughput",
          change: 2,
          reason: "At that volume, throughput limits and tuning become real constraints.",
        },
        {
          criterionKey: "cost",
          change: 1,
          reason: "Per-message pricing and cluster size both grow with volume.",
        },
      ],
      ifNo: [
        {
          criterionKey: "throughput",
          change: -1,
          reason: "Every option handles this volume comfortably.",
        },
      ],
    },
    {
      key: "job-queues",
      question:
        "Is it mainly background jobs and commands that need routing, priorities, delays or " +
        "retries?",
      ifYes: [
        {
          criterionKey: "routing",
          change: 2,
          reason: "Jobs and commands lean on routing, priorities, delays and dead-lettering.",
        },
      ],
      ifNo: [
        {
          criterionKey: "routing",
          change: -1,
          reason: "Simple publish and consume covers the traffic.",
        },
      ],
    },
    {
      key: "strict-order",
      question: "Must messages about the same entity be processed strictly in order?",
      ifYes: [
        {
          criterionKey: "ordering-delivery",
          change: 2,
          reason: "Out-of-order processing would produce wrong results.",
        },
      ],
      ifNo: [
        {
          criterionKey: "ordering-delivery",
          change: -1,
          reason: "Consumers tolerate reordering, so best-effort order is enough.",
        },
      ],
    },
    {
      key: "one-cloud",
      question: "Are we committed to one cloud provider for the foreseeable future?",
      ifYes: [
        {
          criterionKey: "portability",
          change: -1,
          reason: "Moving clouds is not planned, so provider-specific APIs cost little.",
        },
      ],
      ifNo: [
        {
          criterionKey: "portability",
          change: 2,
          reason: "We may run in several clouds or on premises, so the system must move with us.",
        },
      ],
    },
    {
      key: "platform-team",
      question: "Do we have a platform or SRE team that already runs stateful infrastructure?",
      ifYes: [
        {
          criterionKey: "operations",
          change: -1,
          reason: "A platform team already runs stateful systems well.",
        },
      ],
      ifNo: [
        {
          criterionKey: "operations",
          change: 1,
          reason: "Product engineers would be on call for the cluster.",
        },
        {
          criterionKey: "learning-curve",
          change: 1,
          reason: "Nobody already knows its failure modes in depth.",
        },
      ],
    },
  ],
};
