/**
 * @trpc/client under the second name next.config.ts gives it, which the browser bundle does not
 * alias to ./client.browser.ts (used by ./links.ts only).
 */
declare module "trpc-client-impl" {
  export * from "@trpc/client";
}
