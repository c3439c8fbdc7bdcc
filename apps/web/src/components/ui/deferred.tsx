"use client";

import {
  cloneElement,
  isValidElement,
  type KeyboardEvent,
  type MouseEvent,
  type PointerEvent,
  type ReactElement,
  type ReactNode,
  type Ref,
  useCallback,
  useRef,
  useState,
} from "react";
import { EARLY_PRESS_ATTRIBUTE, takeEarlyPress } from "./early-press";

type TriggerProps = {
  ref?: Ref<HTMLButtonElement>;
  [EARLY_PRESS_ATTRIBUTE]?: "";
  onPointerEnter?: (event: PointerEvent<HTMLButtonElement>) => void;
  onPointerDown?: (event: PointerEvent<HTMLButtonElement>) => void;
  onFocus?: () => void;
  onBlur?: () => void;
  onClick?: (event: MouseEvent<HTMLButtonElement>) => void;
  onKeyDown?: (event: KeyboardEvent<HTMLButtonElement>) => void;
  "aria-haspopup"?: "menu" | "dialog";
  "aria-expanded"?: boolean;
  "data-state"?: string;
};

export type Loaded = {
  /** The trigger to render inside the real menu's or dialog's Trigger (asChild). */
  trigger: ReactElement;
  /** Open at once: the trigger was pressed while the code was loading. */
  defaultOpen: boolean;
};

/**
 * A menu or dialog whose code (Radix, its contents) loads when someone shows intent, not with
 * the page. Until then only its trigger renders, with the attributes the real trigger has; a
 * pointer over it or focus on it starts the load, and a press before the code arrives opens
 * the real one as soon as it does. That holds for a press before the page is interactive too
 * (see early-press.ts). Focus stays on the trigger across the swap.
 */
export function Deferred<T>({
  load,
  popup,
  trigger,
  children,
}: {
  load: () => Promise<T>;
  popup: "menu" | "dialog";
  /** The trigger element, usually a Button; it must pass its props on to its DOM element. */
  trigger: ReactElement;
  children: (loaded: T, props: Loaded) => ReactNode;
}) {
  const [loaded, setLoaded] = useState<{ value: T; focused: boolean } | null>(null);
  // A press is state, not a note read when the code arrives: a press landing after the code
  // arrived but before React replaced this trigger still opens what renders next.
  const [pressed, setPressed] = useState(false);
  const intent = useRef({ started: false, focused: false });
  const refocused = useRef(false);
  const focusOnce = useCallback((node: HTMLButtonElement | null) => {
    if (node && !refocused.current) {
      refocused.current = true;
      node.focus();
    }
  }, []);

  const start = () => {
    if (intent.current.started) return;
    intent.current.started = true;
    load().then(
      (value) => setLoaded({ value, focused: intent.current.focused }),
      () => {
        // A failed download is retried on the next hover, focus or press.
        intent.current.started = false;
      },
    );
  };
  const press = () => {
    setPressed(true);
    start();
  };
  // A click that landed before this code ran counts as a press; the set forgets the trigger
  // when it goes, whatever happened to it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once per trigger element; `press` only touches refs, a state setter and the stable `load`.
  const earlyPress = useCallback((node: HTMLButtonElement | null) => {
    if (!node) return;
    if (takeEarlyPress(node)) press();
    return () => {
      takeEarlyPress(node);
    };
  }, []);

  if (!isValidElement(trigger)) {
    // In development an element a server component made arrives as a reference to its output,
    // which has no props to add to: make the trigger in the client component that renders this.
    throw new Error("Deferred's trigger must be an element made in client code.");
  }
  if (loaded) {
    const realTrigger =
      loaded.focused && !pressed
        ? cloneElement(trigger as ReactElement<TriggerProps>, { ref: focusOnce })
        : trigger;
    return children(loaded.value, { trigger: realTrigger, defaultOpen: pressed });
  }

  return cloneElement(trigger as ReactElement<TriggerProps>, {
    ref: earlyPress,
    [EARLY_PRESS_ATTRIBUTE]: "",
    "aria-haspopup": popup,
    "aria-expanded": false,
    "data-state": "closed",
    onPointerEnter: start,
    onFocus: () => {
      intent.current.focused = true;
      start();
    },
    onBlur: () => {
      intent.current.focused = false;
    },
    // Menus open on pointer down and on Enter, Space or ArrowDown; dialogs on click (or on a
    // pointer down while their code is loading).
    ...(popup === "menu"
      ? {
          onPointerDown: (event: PointerEvent<HTMLButtonElement>) => {
            if (event.button !== 0 || event.ctrlKey) return;
            event.preventDefault();
            press();
          },
          onKeyDown: (event: KeyboardEvent<HTMLButtonElement>) => {
            if (!["Enter", " ", "ArrowDown"].includes(event.key)) return;
            event.preventDefault();
            press();
          },
        }
      : {
          // A press that begins before the code arrives opens the dialog: when the code lands
          // between pointer down and up, the real trigger replaces this button and the browser
          // sends no click to either.
          onPointerDown: (event: PointerEvent<HTMLButtonElement>) => {
            if (event.button === 0 && !event.ctrlKey) press();
          },
          onClick: (event: MouseEvent<HTMLButtonElement>) => {
            takeEarlyPress(event.currentTarget);
            press();
          },
        }),
  });
}
