import { createTRPCRouter } from "../../trpc";
import { create, update } from "./create";
import { get, list, participation, recommendation } from "./read";
import { archive, close, open, reopen } from "./status";
import { saveAsTemplate, suggestWeights, templates } from "./templates";

export const projectRouter = createTRPCRouter({
  create,
  get,
  list,
  update,
  open,
  close,
  reopen,
  archive,
  recommendation,
  participation,
  templates,
  suggestWeights,
  saveAsTemplate,
});
