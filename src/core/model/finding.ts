/**
 * What a rule reports. A fix is plain text edits (offsets into the analysed text), never an
 * editor operation, so the CLI and the extension apply the same fix.
 */
import * as z from 'zod/mini';
import { RangeSchema } from './schema';

export const SeveritySchema = z.enum(['error', 'warning', 'info', 'hint']);
export type Severity = z.infer<typeof SeveritySchema>;

/** Replace `text.slice(start, end)` with `newText`. Offsets are into the analysed text. */
export const TextEditSchema = z.object({
  start: z.number(),
  end: z.number(),
  newText: z.string(),
});
export type TextEdit = z.infer<typeof TextEditSchema>;

export const FindingSchema = z.object({
  rule: z.string(),
  /** The rule's message id (tests assert ids, not wording). */
  messageId: z.string(),
  severity: SeveritySchema,
  message: z.string(),
  range: RangeSchema,
  declared: z.optional(z.string()),
  computed: z.optional(z.string()),
  /** `file` is set when the location is in another file (cross-file rules): that file's URI or path. */
  related: z.array(z.object({ range: RangeSchema, message: z.string(), file: z.optional(z.string()) })),
  fix: z.optional(z.object({ description: z.string(), edits: z.array(TextEditSchema) })),
});
export type Finding = z.infer<typeof FindingSchema>;
