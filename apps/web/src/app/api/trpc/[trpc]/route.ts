import { handleTrpcRequest } from "~/server/trpc-handler";

/**
 * The tRPC endpoint under `next dev` and plain `next start`. The production server
 * (server.ts) answers /api/trpc itself, ahead of Next.js's router, with the same handler.
 */
export { handleTrpcRequest as GET, handleTrpcRequest as POST };
