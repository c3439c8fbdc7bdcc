/** Where a command reads and writes; the real process in production, a buffer in tests. */
export type Io = {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readStdin: () => Promise<string>;
  /** Whether stdout is a person's terminal (not a pipe or a file). */
  stdoutIsTerminal: () => boolean;
  /**
   * How many columns text output is fitted to: help, tables and the sentences around them.
   * Undefined in a pipe or a file without COLUMNS: nothing is cut there, and sentences and help
   * are wrapped at 80.
   */
  columns: () => number | undefined;
};

/** Where sentences and help are wrapped when neither the terminal nor COLUMNS gives a width. */
export const DEFAULT_COLUMNS = 80;
/** Narrower than this, a table row cannot be read: output is fitted to this many at least. */
export const MIN_COLUMNS = 20;

/**
 * The width of the reader's terminal when stdout is one; else COLUMNS when it holds a whole
 * number (`COLUMNS=60 tradeoff projects | less`); else none, so a script or a file gets every
 * line whole. A COLUMNS that is not a number is ignored, as other programs ignore it.
 */
export function outputColumns(
  stdout: { isTTY?: boolean; columns?: number },
  env: Record<string, string | undefined>,
): number | undefined {
  const terminal = stdout.isTTY ? stdout.columns : undefined;
  const raw = env.COLUMNS?.trim() ?? "";
  const fromEnv = /^\d{1,5}$/.test(raw) ? Number(raw) : undefined;
  const width = terminal || fromEnv;
  return width ? Math.max(MIN_COLUMNS, width) : undefined;
}

export const processIo: Io = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  stdoutIsTerminal: () => process.stdout.isTTY === true,
  columns: () => outputColumns(process.stdout, process.env),
  readStdin: async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk));
    return Buffer.concat(chunks).toString("utf8");
  },
};
