"use client";

import type { ReactNode } from "react";
import { useState } from "react";
import { ConfirmDialog } from "~/components/ui/alert-dialog";
import { Button } from "~/components/ui/button";
import {
  Select,
  SelectContent,
  SelectItem,
  SelectTrigger,
  SelectValue,
} from "~/components/ui/select";
import { atMost, ROLE_HELP, ROLES, type Role, roleLabel } from "./roles";

/**
 * The pieces the members and invitations sections share: the role picker limited to what the
 * admin may grant, the bordered list of rows, and a row's confirmed action.
 */

/** The roles up to `max` (what the current admin may grant), each with its help text. */
export function RoleSelect({
  value,
  max,
  onChange,
  label,
  disabled,
  className,
}: {
  value: Role;
  max: Role;
  onChange: (role: Role) => void;
  label: string;
  disabled?: boolean;
  className?: string;
}) {
  return (
    <Select value={value} disabled={disabled} onValueChange={(role) => onChange(role as Role)}>
      <SelectTrigger className={className} aria-label={label}>
        {/* Named here, not left to Radix to copy from the chosen item once the list has mounted:
            the server's markup shows the role, and the row does not widen as the page hydrates. */}
        <SelectValue>{roleLabel(value)}</SelectValue>
      </SelectTrigger>
      <SelectContent>
        {ROLES.filter((role) => atMost(role, max)).map((role) => (
          <SelectItem key={role} value={role} title={ROLE_HELP[role]}>
            {roleLabel(role)}
          </SelectItem>
        ))}
      </SelectContent>
    </Select>
  );
}

/** A bordered list of rows (members, pending invitations). */
export function RowList({ label, children }: { label: string; children: ReactNode }) {
  return (
    <ul className="divide-y rounded-lg border" aria-label={label}>
      {children}
    </ul>
  );
}

/** Which row's confirmation is open: at most one at a time. */
export function useConfirming() {
  const [confirming, setConfirming] = useState<string | null>(null);
  return {
    isOpen: (id: string) => confirming === id,
    setOpen: (id: string, open: boolean) => setConfirming(open ? id : null),
    close: () => setConfirming(null),
  };
}

/** A row's action behind a confirmation (remove a member, revoke an invitation). */
export function ConfirmRowAction({
  open,
  onOpenChange,
  action,
  ariaLabel,
  title,
  description,
  pending,
  onConfirm,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  action: string;
  ariaLabel?: string;
  title: string;
  description: string;
  pending: boolean;
  onConfirm: () => void;
}) {
  return (
    <ConfirmDialog
      open={open}
      onOpenChange={onOpenChange}
      trigger={
        <Button variant="ghost" size="sm" aria-label={ariaLabel}>
          {action}
        </Button>
      }
      title={title}
      description={description}
      confirmLabel={action}
      pending={pending}
      onConfirm={(event) => {
        event.preventDefault();
        onConfirm();
      }}
    />
  );
}
