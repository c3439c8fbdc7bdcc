"use client";

import { useQueryClient } from "@tanstack/react-query";
import { Download } from "lucide-react";
import { useId, useState } from "react";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Label } from "~/components/ui/label";
import { NativeSelect } from "~/components/ui/native-select";
import { messageOf } from "~/trpc/errors";
import { useTRPC } from "~/trpc/react";
import { saveFile, zipFolder } from "./zip-folder";

const FORMATS = [
  { value: "madr", label: "MADR 4 (NNNN-title.md, YAML front matter)" },
  { value: "log4brains", label: "log4brains (YYYYMMDD-title.md)" },
  { value: "nygard", label: "adr-tools / Nygard (0001-title.md)" },
] as const;
type Format = (typeof FORMATS)[number]["value"];

/** Every record of the team as a zip of the docs/decisions folder the CLI writes. */
export function DownloadFolder({ teamId, slug }: { teamId: string; slug: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const [format, setFormat] = useState<Format>("madr");
  const [state, setState] = useState<
    | { kind: "idle" }
    | { kind: "busy" }
    | { kind: "done"; count: number }
    | { kind: "error"; message: string }
  >({ kind: "idle" });

  async function download() {
    setState({ kind: "busy" });
    try {
      const folder = await queryClient.fetchQuery({
        ...trpc.export.folder.queryOptions({ teamId, format }),
        staleTime: 0,
      });
      saveFile(zipFolder(folder.files), `${slug}-decisions-${format}.zip`, "application/zip");
      setState({ kind: "done", count: folder.files.length - 1 });
    } catch (error) {
      setState({ kind: "error", message: messageOf(error) });
    }
  }

  return (
    <form
      className="flex flex-wrap items-end gap-3"
      onSubmit={(event) => {
        event.preventDefault();
        void download();
      }}
    >
      <div className="grid min-w-0 flex-1 basis-64 gap-1.5">
        <Label htmlFor={`${id}-format`}>Format</Label>
        <NativeSelect
          id={`${id}-format`}
          className="w-full"
          value={format}
          onChange={(event) => setFormat(event.target.value as Format)}
        >
          {FORMATS.map((f) => (
            <option key={f.value} value={f.value}>
              {f.label}
            </option>
          ))}
        </NativeSelect>
      </div>
      <Button type="submit" loading={state.kind === "busy"}>
        <Download aria-hidden="true" /> Download zip
      </Button>
      <div className="basis-full" aria-live="polite">
        {state.kind === "done" ? (
          <p className="text-muted-foreground text-sm">
            Downloaded {state.count} {state.count === 1 ? "record" : "records"} and the index
            (README.md).
          </p>
        ) : state.kind === "error" ? (
          <Alert variant="error">{state.message}</Alert>
        ) : null}
      </div>
    </form>
  );
}
