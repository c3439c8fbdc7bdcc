import type { Command } from "commander";
import type { Io } from "../io";
import { registerDecide } from "./decide";
import { registerExport } from "./export";
import { registerImport } from "./import";
import { registerLifecycle } from "./lifecycle";
import { registerLogin } from "./login";
import { registerProjects } from "./projects";
import { registerScore } from "./score";
import { registerShare } from "./share";
import { registerShow } from "./show";
import { registerTag } from "./tag";
import { registerTemplate } from "./template";
import { registerVote } from "./vote";

/** Every command, one file each; a new command goes here. */
export const commands: ((program: Command, io: Io) => void)[] = [
  registerScore,
  registerTemplate,
  registerLogin,
  registerProjects,
  registerShow,
  registerExport,
  registerVote,
  registerImport,
  registerLifecycle,
  registerDecide,
  registerShare,
  registerTag,
];
