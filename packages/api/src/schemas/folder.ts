import { z } from "zod";
import { idSchema } from "./id";

/** The Markdown formats a docs/decisions folder can be written in. */
export const FOLDER_FORMATS = ["madr", "log4brains", "nygard"] as const;

export const folderExportSchema = z.object({
  teamId: idSchema,
  format: z.enum(FOLDER_FORMATS, { error: "The format is madr, log4brains or nygard." }),
  /** Only this project's record (with links to the others by their MADR names). */
  projectId: idSchema.optional(),
});

/** Base64 of at most 512 KB, and a little room: larger files are sent without their content. */
const MAX_CONTENT = Math.ceil((512 * 1024) / 3) * 4;

export const folderImportSchema = z.object({
  teamId: idSchema,
  files: z
    .array(
      z.object({
        name: z.string().min(1).max(1024),
        size: z.number().int().min(0),
        content: z
          .string()
          .max(MAX_CONTENT, {
            error: "A record file is at most 512 KB; send larger files without content.",
          })
          .nullable(),
      }),
    )
    .min(1, { error: "Give at least one file." })
    .max(1000, { error: "An import reads at most 1000 files; import the folder in parts." }),
  /** Only the preview: what would be created, and what could not be read and why. */
  dryRun: z.boolean().default(false),
});

/** Tags: lower-case words joined by dashes, as log4brains and MADR front matter carry them. */
export const tagSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9-]*$/, {
    error: "A tag is lower-case letters, digits and dashes (e.g. security, data-model).",
  })
  .max(30, { error: "Keep a tag to 30 characters or fewer." });

export const setTagsSchema = z.object({
  projectId: idSchema,
  tags: z
    .array(tagSchema)
    .max(20, { error: "A project has at most 20 tags." })
    .transform((tags) => [...new Set(tags)]),
});
