"use client";

import { useEffect } from "react";
import { ErrorScreen } from "./providers";

export default function RouteError({ error, retry }: { error: unknown; retry: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);

  return <ErrorScreen error={error} onRetry={retry} />;
}
