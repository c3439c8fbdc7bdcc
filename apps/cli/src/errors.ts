export const EXIT_OK = 0;
/** The input (a file, its JSON, its content) is wrong. */
export const EXIT_BAD_INPUT = 1;
/** The command line itself is wrong: unknown command or option, missing argument. */
export const EXIT_USAGE = 2;

/** No saved login, or the server refused the token (unknown, revoked or expired). */
export const EXIT_AUTH = 3;
/** The server could not be reached (wrong address, server down, network). */
export const EXIT_UNREACHABLE = 4;
/** The server refused the request: not found, not allowed, or not possible now (voting closed). */
export const EXIT_REFUSED = 5;
/**
 * The server took the request but did not answer in time (TRADEOFF_TIMEOUT): unlike 4, what was
 * asked may still be done, so a script should check before repeating a change.
 */
export const EXIT_TIMEOUT = 6;

/** A failure with its own exit code and a message for a person. */
export class CliError extends Error {
  constructor(
    readonly exitCode: number,
    message: string,
  ) {
    super(message);
    this.name = "CliError";
  }
}

/** Bad input: each problem is one line, `path: message`, printed to stderr. */
export class InputError extends Error {
  readonly problems: string[];

  constructor(problems: string[]) {
    super(problems.join("\n"));
    this.name = "InputError";
    this.problems = problems;
  }
}
