import type { Browser } from "@playwright/test";
import { type DrfProject, type Person, person, teamWithDrfProject } from "./decisions";
import { test as base } from "./fixtures";

type Members = {
  /** A freshly signed-up member, signed in, in a browser context of her own. */
  alice: Person;
  /** A second member, in another browser context. */
  bob: Person;
  /** A team Alice owns and Bob joined, with the DRF vs FastAPI project open for voting. */
  drf: DrfProject;
  /** A team of Alice alone, with the DRF vs FastAPI project open for voting. */
  soloDrf: DrfProject;
};

/**
 * The people most end-to-end tests start from. Each test gets its own (the database is shared
 * by tests running in parallel), and their browser contexts are closed when the test ends,
 * whether it passed or not.
 */
export const test = base.extend<Members>({
  alice: member("alice"),
  bob: member("bob"),
  drf: async ({ alice, bob }, use) => {
    await use(await teamWithDrfProject(alice, [bob]));
  },
  soloDrf: async ({ alice }, use) => {
    await use(await teamWithDrfProject(alice, []));
  },
});

/** A member signed up and signed in for one test, in a browser context closed after it. */
function member(label: string) {
  return async ({ browser }: { browser: Browser }, use: (person: Person) => Promise<void>) => {
    const signedIn = await person(browser, label);
    await use(signedIn);
    await signedIn.context.close();
  };
}

export { expect } from "./fixtures";
