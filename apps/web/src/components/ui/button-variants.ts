/**
 * The button's class names as plain strings, so screens that only need a button's look (the
 * error pages, which load with every route) do not also load the Button component's code.
 */
// On a phone every button is at least 44 px tall (and icon buttons 44 px wide): a finger's size.
const base =
  "max-sm:min-h-11 relative inline-flex shrink-0 cursor-pointer items-center justify-center gap-2 whitespace-nowrap rounded-md font-medium transition-colors focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring disabled:pointer-events-none disabled:opacity-50 aria-disabled:pointer-events-none aria-disabled:opacity-50 aria-busy:opacity-75 [&_svg]:pointer-events-none [&_svg]:shrink-0";

const variants = {
  primary: "bg-primary text-primary-foreground shadow-xs hover:bg-primary-hover",
  secondary: "border border-border bg-secondary text-secondary-foreground hover:bg-secondary-hover",
  outline: "border border-input bg-background text-foreground hover:bg-accent",
  ghost: "text-foreground hover:bg-accent hover:text-accent-foreground",
  destructive: "bg-destructive text-destructive-foreground shadow-xs hover:bg-destructive-hover",
  link: "text-primary underline-offset-4 hover:underline",
  "destructive-link": "text-destructive underline-offset-4 hover:underline",
};

const sizes = {
  sm: "h-8 px-3 text-sm [&_svg:not([class*='size-'])]:size-3.5",
  md: "h-9 px-4 text-sm [&_svg:not([class*='size-'])]:size-4",
  lg: "h-11 px-6 text-base [&_svg:not([class*='size-'])]:size-5",
  icon: "size-9 max-sm:min-w-11 [&_svg:not([class*='size-'])]:size-4",
  "icon-sm": "size-8 max-sm:min-w-11 [&_svg:not([class*='size-'])]:size-3.5",
};

export type ButtonVariant = keyof typeof variants;
export type ButtonSize = keyof typeof sizes;

export type ButtonVariantProps = {
  variant?: ButtonVariant | null;
  size?: ButtonSize | null;
};

/** `null` leaves a variant's classes out; link-styled buttons drop their size's height and padding. */
export function buttonVariants({ variant, size }: ButtonVariantProps = {}): string {
  const v = variant === undefined ? "primary" : variant;
  const sized = (size === undefined ? sizes.md : size ? sizes[size] : "").split(" ");
  const isLink = v === "link" || v === "destructive-link";
  const classes = isLink
    ? [base, variants[v], ...sized.filter((c) => !/^(h|px)-/.test(c)), "h-auto px-0"]
    : [base, v ? variants[v] : "", ...sized];
  return classes.filter(Boolean).join(" ");
}
