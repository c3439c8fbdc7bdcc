import type { ReactNode } from "react";
import { SignedOutFrame } from "~/components/app/signed-out";

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <SignedOutFrame>
      <div className="w-full max-w-sm">{children}</div>
    </SignedOutFrame>
  );
}
