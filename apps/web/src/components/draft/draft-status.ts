"use client";

import { createContext } from "react";

/**
 * The draft's status as the page knows it live ("PROPOSED" while it is written). The draft page
 * is a server page that hands the live editor in as a slot; the client part around it keeps the
 * status current and passes it down here, so an editor open when the draft is accepted stops at
 * once and says whether edits of its own were left out.
 */
export const DraftStatusContext = createContext<string>("PROPOSED");
