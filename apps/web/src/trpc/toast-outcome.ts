import { toast } from "~/components/ui/toaster";
import { messageOf } from "./errors";

/**
 * The mutation callbacks of a change whose outcome is a toast: `done` when it worked (then
 * `refresh`, e.g. reading the changed list again), the refusal in words when it did not.
 */
export function toastOutcome(done: string, refresh?: () => unknown) {
  return {
    onSuccess: async () => {
      toast.success(done);
      await refresh?.();
    },
    onError: (error: unknown) => toast.error(messageOf(error)),
  };
}
