"use client";

import type { ComponentProps, ReactElement } from "react";
import type { ConfirmDialog } from "./alert-dialog";
import { Deferred } from "./deferred";

const loadConfirmDialog = () => import("./alert-dialog").then((m) => m.ConfirmDialog);

type Props = Omit<
  ComponentProps<typeof ConfirmDialog>,
  "trigger" | "open" | "defaultOpen" | "onOpenChange"
> & { trigger: ReactElement };

/** ConfirmDialog for pages that should not load dialog code up front: it loads on intent. */
export function DeferredConfirmDialog({ trigger, ...props }: Props) {
  return (
    <Deferred load={loadConfirmDialog} popup="dialog" trigger={trigger}>
      {(ConfirmDialog, dialog) => <ConfirmDialog {...props} {...dialog} />}
    </Deferred>
  );
}
