"use client";

import { useEffect, useState } from "react";
import { pendingVoteCount } from "./pending-votes";

/**
 * How many vote edits on this device wait to be saved, kept current while the page is open: a
 * ballot in another tab saving or adding an edit changes the count here too. 0 until the page
 * has loaded (the server cannot see the device's storage).
 */
export function usePendingVoteCount(): number {
  const [count, setCount] = useState(0);
  useEffect(() => {
    const read = () => setCount(pendingVoteCount());
    read();
    window.addEventListener("storage", read);
    window.addEventListener("focus", read);
    return () => {
      window.removeEventListener("storage", read);
      window.removeEventListener("focus", read);
    };
  }, []);
  return count;
}
