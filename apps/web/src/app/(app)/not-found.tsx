import type { Metadata } from "next";
import { NotFoundScreen } from "../not-found-screen";

export const metadata: Metadata = { title: "Page not found" };

/** Inside the signed-in app: its layout's header and main landmark stay around it. */
export default function AppNotFound() {
  return <NotFoundScreen as="div" />;
}
