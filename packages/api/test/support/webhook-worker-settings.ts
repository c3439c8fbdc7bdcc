import { JOB_QUEUES, type JobDefinition } from "@tradeoff/db/jobs";

/** Test-speed queue settings: a webhook job counts as lost after 3 s, and is retried 1 s later. */
export function shortExpiry(defs: JobDefinition[]): JobDefinition[] {
  return defs.map((def) =>
    def.name === JOB_QUEUES.webhookDelivery
      ? { ...def, expireInSeconds: 3, retry: { retryLimit: 5, retryDelay: 1, retryBackoff: false } }
      : def,
  );
}
