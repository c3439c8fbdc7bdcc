import { toast } from "~/components/ui/toaster";
import { messageOf } from "./errors";

/**
 * The mutation callbacks of a change whose outcome is a toast: `done` when it worked (then
 * `refresh`, e.g. reading the changed list again), the refusal in words when it did not.
 * `close` ends the confirmation that asked for the change, whichever the outcome.
 */
export function toastOutcome(done: string, refresh?: () => unknown, close?: () => void) {
  return {
    onSuccess: async () => {
      toast.success(done);
      close?.();
      await refresh?.();
    },
    onError: (error: unknown) => {
      toast.error(messageOf(error));
      close?.();
    },
  };
}
