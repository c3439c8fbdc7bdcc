import { createTRPCRouter } from "../../trpc";
import { create, update } from "./create";
import { nudge, waitingOn } from "./nudge";
import { get, list, participation, recommendation } from "./read";
import { createSample, removeSample } from "./sample";
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
  waitingOn,
  nudge,
  templates,
  suggestWeights,
  saveAsTemplate,
  createSample,
  removeSample,
});
