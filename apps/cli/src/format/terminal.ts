/**
 * What a terminal acts on instead of showing: C0 controls but tab and newline, DEL, and C1
 * controls. ESC starts sequences that retitle the window, clear the screen or hide text, and
 * U+009B is a CSI of its own.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: they are what it replaces
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/**
 * Text for a person's terminal: each control character shown as U+FFFD, so text someone else
 * typed (a project's title, an option's name) cannot drive the reader's terminal. JSON output
 * keeps the text as sent: JSON.stringify escapes these characters.
 */
export const terminalText = (text: string) => text.replace(CONTROL, "\ufffd");

/** One table cell: on one line (tabs and line breaks as spaces), and shown, never obeyed. */
export const cellText = (text: string) => terminalText(text.replace(/[\t\n\r]/g, " "));
