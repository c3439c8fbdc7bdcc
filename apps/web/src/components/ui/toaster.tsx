"use client";

import dynamic from "next/dynamic";
import type { toast as sonnerToast } from "sonner";

type SonnerToast = typeof sonnerToast;

// Toasts only ever follow an action, so the toast library loads after the page, not with it.
let toasterMounted: () => void = () => {};
const mounted = new Promise<void>((resolve) => {
  toasterMounted = resolve;
});

const LazyToaster = dynamic(() => import("./sonner-toaster").then((m) => m.SonnerToaster), {
  ssr: false,
});

/** Mounted once in the root layout; call `toast(...)` from any client component. */
export function Toaster() {
  return <LazyToaster onListening={toasterMounted} />;
}

/** Shows the toast once the library is loaded and the toaster is listening. */
function show(render: (toast: SonnerToast) => void) {
  void Promise.all([import("sonner"), mounted]).then(([{ toast }]) => render(toast));
}

type Args = Parameters<SonnerToast>;

export const toast = Object.assign((...args: Args) => show((t) => t(...args)), {
  success: (...args: Args) => show((t) => t.success(...args)),
  error: (...args: Args) => show((t) => t.error(...args)),
  info: (...args: Args) => show((t) => t.info(...args)),
  warning: (...args: Args) => show((t) => t.warning(...args)),
});
