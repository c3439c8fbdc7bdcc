import { handleMetricsRequest } from "~/server/metrics-handler";

export const dynamic = "force-dynamic";

export { handleMetricsRequest as GET };
