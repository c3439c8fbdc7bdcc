"use client";

import { useCallback, useId, useRef } from "react";
import { EARLY_PRESS_ATTRIBUTE, takeEarlyPress } from "~/components/ui/early-press";
import { cn } from "~/lib/utils";

type ScalePickerProps = {
  /** The group's accessible name, e.g. "Importance" or "FastAPI score". */
  legend: string;
  /** Shown instead of the legend when given (the legend stays for screen readers). */
  visibleLegend?: React.ReactNode;
  min: number;
  max: number;
  value: number | null;
  onChange: (value: number) => void;
  disabled?: boolean;
  /** Words for the ends of the scale, read with the first and last value. */
  lowLabel?: string | null;
  highLabel?: string | null;
  /** A hint drawn on one value (the template's reading of its guide); never selects it. */
  hint?: number | null;
  /**
   * One tight row for a table cell (the matrix ballot): the legend and the words for the ends
   * are read, not shown, since the row and column headers say them.
   */
  compact?: boolean;
};

/**
 * A row of numbered choices backed by native radio buttons: Tab reaches the group, arrow keys
 * move and select, and the numbers stay readable without colour. A choice made before the page
 * is interactive is not lost: the latest one is applied once this code runs (early-press.ts).
 */
export function ScalePicker({
  legend,
  visibleLegend,
  min,
  max,
  value,
  onChange,
  disabled,
  lowLabel,
  highLabel,
  hint,
  compact = false,
}: ScalePickerProps) {
  const name = useId();
  // The handler of the latest render; the early choice is applied once, when the group mounts
  // (the parent passes a new handler on every render, which must not re-run the check).
  const latest = useRef({ onChange, disabled });
  latest.current = { onChange, disabled };
  const applyEarlyChoice = useCallback((fieldset: HTMLFieldSetElement | null) => {
    if (!fieldset) return;
    let last = 0;
    let chosen: number | null = null;
    for (const input of fieldset.querySelectorAll<HTMLInputElement>("input[type=radio]")) {
      const order = takeEarlyPress(input);
      if (order > last) {
        last = order;
        chosen = Number(input.value);
      }
    }
    if (chosen !== null && !latest.current.disabled) latest.current.onChange(chosen);
  }, []);
  const values = Array.from({ length: max - min + 1 }, (_, i) => min + i);
  return (
    // The full name (e.g. "FastAPI score on Performance") is what assistive technology reads.
    <fieldset
      ref={applyEarlyChoice}
      className={compact ? "block" : "grid gap-1.5"}
      disabled={disabled}
      aria-label={legend}
      // A digit sets the value of the focused scale, the fastest way through a ballot by keyboard.
      onKeyDown={(event) => {
        if (disabled || event.altKey || event.ctrlKey || event.metaKey) return;
        if (!/^[0-9]$/.test(event.key)) return;
        const n = Number(event.key);
        if (n < min || n > max) return;
        event.preventDefault();
        onChange(n);
        event.currentTarget.querySelector<HTMLInputElement>(`input[value="${n}"]`)?.focus();
      }}
    >
      <legend className={compact ? "sr-only" : "mb-1.5 font-medium text-sm"}>
        {visibleLegend ?? legend}
      </legend>
      {/* On a phone the choices share the row's width and stand 44 px tall, a finger's size. */}
      <div
        className={
          compact
            ? "flex gap-0.5"
            : "grid max-w-xs auto-cols-fr grid-flow-col gap-1 sm:flex sm:max-w-none sm:flex-wrap"
        }
      >
        {values.map((n) => {
          const ends =
            n === min && lowLabel
              ? `, ${lowLabel}`
              : n === max && highLabel
                ? `, ${highLabel}`
                : "";
          return (
            <label
              key={n}
              className={cn(
                "relative flex cursor-pointer items-center justify-center rounded-md border font-medium text-sm tabular-nums transition-colors",
                compact ? "size-11 sm:size-8" : "h-11 sm:size-9",
                "has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-ring",
                "has-[:disabled]:cursor-not-allowed has-[:disabled]:opacity-60",
                value === n
                  ? "border-primary bg-primary text-primary-foreground hover:bg-primary"
                  : "border-input hover:bg-accent",
              )}
            >
              <input
                type="radio"
                // Invisible but covering the whole choice, so the click lands on the input itself.
                className="absolute inset-0 m-0 cursor-pointer appearance-none opacity-0"
                name={name}
                value={n}
                checked={value === n}
                {...{ [EARLY_PRESS_ATTRIBUTE]: "" }}
                onChange={(event) => {
                  takeEarlyPress(event.currentTarget);
                  onChange(n);
                }}
                aria-label={`${n}${ends}`}
              />
              {n}
              {hint === n ? (
                <span
                  aria-hidden="true"
                  title="The template's reading of the guide"
                  className="-top-1 -right-1 absolute size-2.5 rounded-full border-2 border-background bg-info"
                />
              ) : null}
            </label>
          );
        })}
      </div>
      {!compact && (lowLabel || highLabel) ? (
        <p className="flex justify-between gap-4 text-muted-foreground text-xs">
          <span>
            {min}: {lowLabel ?? "—"}
          </span>
          <span className="text-right">
            {max}: {highLabel ?? "—"}
          </span>
        </p>
      ) : null}
    </fieldset>
  );
}
