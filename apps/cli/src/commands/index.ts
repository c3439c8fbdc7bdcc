import type { Command } from "commander";
import type { Io } from "../io";
import { registerScore } from "./score";
import { registerTemplate } from "./template";

/** Every command, one file each; a new command (login, projects, show, export, vote) goes here. */
export const commands: ((program: Command, io: Io) => void)[] = [registerScore, registerTemplate];
