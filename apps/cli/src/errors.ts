export const EXIT_OK = 0;
/** The input (a file, its JSON, its content) is wrong. */
export const EXIT_BAD_INPUT = 1;
/** The command line itself is wrong: unknown command or option, missing argument. */
export const EXIT_USAGE = 2;

/** Bad input: each problem is one line, `path: message`, printed to stderr. */
export class InputError extends Error {
  readonly problems: string[];

  constructor(problems: string[]) {
    super(problems.join("\n"));
    this.name = "InputError";
    this.problems = problems;
  }
}
