/**
 * The plan model: the one shape every later step reads (roll-ups, rules, views, CLI).
 * Schemas are written with `zod/mini` (tree-shakable; full zod would triple the bundle)
 * and the TypeScript types come from `z.infer`, so the two cannot drift.
 *
 * Positions are 0-based lines and UTF-16 columns, and offsets into the analysed text,
 * as VS Code counts them. The CLI converts to 1-based lines and columns on output.
 */
import * as z from 'zod/mini';

export const PositionSchema = z.object({
  line: z.number(),
  column: z.number(),
  offset: z.number(),
});
export type Position = z.infer<typeof PositionSchema>;

export const RangeSchema = z.object({ start: PositionSchema, end: PositionSchema });
export type Range = z.infer<typeof RangeSchema>;

/** An hour range; `high === null` means open-ended ("20+ hours"). */
export const HoursSchema = z.object({ low: z.number(), high: z.nullable(z.number()) });
export type Hours = z.infer<typeof HoursSchema>;

export const EstimateUnitSchema = z.enum(['min', 'h', 'd', 'w']);
export type EstimateUnit = z.infer<typeof EstimateUnitSchema>;

/** An effort estimate as written ("4-6 hours", "2d", "20+ hours"), converted to hours. */
export const EstimateSchema = z.object({
  hours: HoursSchema,
  unit: EstimateUnitSchema,
  text: z.string(),
  range: RangeSchema,
  /** "1 hour per skill": a rate, not a total; summed as its base value. */
  per: z.optional(z.string()),
});
export type Estimate = z.infer<typeof EstimateSchema>;

export const StatusSchema = z.enum(['done', 'partial', 'open', 'unknown']);
export type Status = z.infer<typeof StatusSchema>;

/** Where a status or priority came from: the item's own text, or the section above it. */
export const SourceSchema = z.enum(['own', 'section']);
export type Source = z.infer<typeof SourceSchema>;

export const PrioritySchema = z.object({
  /** 0 = most urgent (P0 / Critical / 🔴) … 3 = least (P3 / Low / 🟢). */
  rank: z.number(),
  /** The label as the plan writes it: "P0 CRITICAL", "HIGH PRIORITY", "🔴". */
  label: z.string(),
  source: SourceSchema,
  range: z.optional(RangeSchema),
});
export type Priority = z.infer<typeof PrioritySchema>;

export const CheckboxSchema = z.object({
  checked: z.boolean(),
  /** The character between the brackets as written: ' ', 'x', 'X', '~', '!'. */
  mark: z.string(),
  /** Exactly the three characters `[ ]` / `[x]`. */
  range: RangeSchema,
});
export type Checkbox = z.infer<typeof CheckboxSchema>;

export const ItemKindSchema = z.enum([
  'task', // GFM task list item `- [ ] …`
  'list', // list item with a bold title and nested property bullets
  'heading', // a heading that is itself an item (`### 1. **Title** 🔴`)
  'row', // a table row in a table with a task/feature column
  'bullet', // a plain bullet with a status mark or a trailing annotation `(P0, 2d)`
  'breakdown', // a `label: estimate` line in a breakdown list under a declared total
]);
export type ItemKind = z.infer<typeof ItemKindSchema>;

export const ItemSchema = z.object({
  /** Index in `PlanModel.items` (document order). */
  index: z.number(),
  id: z.optional(z.string()),
  title: z.string(),
  kind: ItemKindSchema,
  status: StatusSchema,
  statusSource: z.optional(SourceSchema),
  priority: z.optional(PrioritySchema),
  estimate: z.optional(EstimateSchema),
  /** Text of an estimate field that could not be read ("TBD"). */
  unreadableEstimate: z.optional(z.object({ text: z.string(), range: RangeSchema })),
  /** A size that is not hours: story points ("5 SP", with `points`), a T-shirt or word size ("M", "MEDIUM"). */
  size: z.optional(z.object({ text: z.string(), points: z.optional(z.number()), range: RangeSchema })),
  checkbox: z.optional(CheckboxSchema),
  /** A checkbox under "Success Metrics" / "Deliverables": tracked, but not effort. */
  checklist: z.boolean(),
  range: RangeSchema,
  titleRange: RangeSchema,
  section: z.number(),
  parent: z.optional(z.number()),
  children: z.array(z.number()),
  /**
   * This entry restates item N (a summary-table row, a matrix or sprint-list line for an
   * item defined elsewhere): one item, mentioned again. Roll-ups count item N only.
   */
  mentionOf: z.optional(z.number()),
  /** On the item a plan restates: the entries that restate it (indices, document order). */
  mentions: z.optional(z.array(z.number())),
  /**
   * This entry restates section N as a whole ("| Export System | 55-65 |" for "### 1.2 Export
   * System" whose work is declared as 55-65 h; "### E05: Export System" for the section headed
   * "(E05)"), or items within section N that it names and adds up ("| Security Audit (XSS, SQL
   * Injection) | 7-10h |" for "XSS Prevention" 3-4 h and "SQL Injection Prevention" 4-6 h): its
   * work is counted there.
   */
  restates: z.optional(z.number()),
});
export type Item = z.infer<typeof ItemSchema>;

export const SectionSchema = z.object({
  index: z.number(),
  title: z.string(),
  /** Heading depth 1–6; 0 for the preamble before the first heading. */
  depth: z.number(),
  /** The heading line itself. */
  range: RangeSchema,
  /** From the heading to the line before the next heading of the same or lower depth. */
  bodyRange: RangeSchema,
  parent: z.optional(z.number()),
  sections: z.array(z.number()),
  /** Items directly in this section (not in subsections), top-level ones only. */
  items: z.array(z.number()),
  status: z.optional(StatusSchema),
  priority: z.optional(PrioritySchema),
  /** The section is a checklist of outcomes (Success Metrics, Deliverables…), not work. */
  checklist: z.boolean(),
});
export type Section = z.infer<typeof SectionSchema>;

export const ScopeSchema = z.object({
  kind: z.enum(['section', 'list', 'table', 'document', 'totals', 'ids', 'tagged']),
  /** The section the statement speaks about, when it is one. */
  section: z.optional(z.number()),
  /** The items counted or summed. */
  items: z.array(z.number()),
  /** Priority filter (ranks), when the statement names priorities ("P0+P1"). */
  priorities: z.optional(z.array(z.number())),
  /** For kind 'totals': the other declared totals this one adds up. */
  declared: z.optional(z.array(z.number())),
  /**
   * For kind 'totals': add the other totals' declared values ("### Phase 2 (3 hours)"), not
   * what their own parts sum to (a total after its phases totals what the phases declare).
   */
  ofDeclared: z.optional(z.boolean()),
  /**
   * The statement names nothing ("Total: 70 hours") and was matched to the list beside it,
   * while the plan has effort elsewhere too: what it totals is a guess, so no fix is offered.
   */
  ambiguous: z.optional(z.boolean()),
  /** For kind 'ids': the range as written ("T001-T003") and how many IDs it spans. */
  idRange: z.optional(z.object({ text: z.string(), size: z.number() })),
  /** For kind 'tagged': the tag the counted items carry ("P" for "[P]"). */
  tag: z.optional(z.string()),
  /** The item whose own estimate this is, over its sub-items' estimates (kind 'list'). */
  parent: z.optional(z.number()),
});
export type Scope = z.infer<typeof ScopeSchema>;

export const DeclaredKindSchema = z.enum(['count', 'total', 'timeline', 'capacity', 'progress']);
export type DeclaredKind = z.infer<typeof DeclaredKindSchema>;

/** A statement that something should add up: "P0 Critical Gaps: 8 features", "Total: 75-105 hours". */
export const DeclaredSchema = z.object({
  index: z.number(),
  kind: DeclaredKindSchema,
  label: z.string(),
  /** The whole statement (line, table row or heading). */
  range: RangeSchema,
  /** Exactly the number text that a fix would replace ("8", "75-105"). */
  valueRange: RangeSchema,
  valueText: z.string(),
  /** count: low = high = the number; total: hours; timeline: weeks; progress: low = high = done; capacity: see below. */
  value: HoursSchema,
  /** For progress ("8/9", "4 of 9 tasks done"): the total it is out of. */
  outOf: z.optional(z.number()),
  /** The reader guessed what the number speaks about: a finding on it is shown at info at most. */
  unsure: z.optional(z.boolean()),
  /** For timelines: the unit as written. */
  unit: z.optional(EstimateUnitSchema),
  /** For capacity: what it states. */
  capacity: z.optional(
    z.object({
      people: z.optional(z.number()),
      hoursPerDay: z.optional(HoursSchema),
    }),
  ),
  /** Declared in a heading, a table row, a list line, or a paragraph. */
  where: z.enum(['heading', 'row', 'list', 'paragraph']),
  scope: ScopeSchema,
  section: z.number(),
});
export type Declared = z.infer<typeof DeclaredSchema>;

/** A run of text that was UTF-8 decoded as Windows-1252/1254 ("âœ…" for "✅"). */
export const MojibakeSchema = z.object({
  range: RangeSchema,
  text: z.string(),
  fixed: z.string(),
  /** The code page the UTF-8 was wrongly read through, and how many times (2: garbled twice). */
  codePage: z.enum(['windows-1252', 'windows-1254', 'iso-8859-1']),
  layers: z.number(),
});
export type Mojibake = z.infer<typeof MojibakeSchema>;

export const PlanModelSchema = z.object({
  version: z.literal(1),
  isPlan: z.boolean(),
  /** Why the plan detector decided as it did (for hovers and `summary`). */
  detection: z.object({ score: z.number(), reason: z.string() }),
  sections: z.array(SectionSchema),
  items: z.array(ItemSchema),
  declared: z.array(DeclaredSchema),
  mojibake: z.array(MojibakeSchema),
  /** Inline `<!-- plan-lens-disable … -->` comments, for the rule runner. */
  directives: z.array(
    z.object({
      kind: z.enum(['disable', 'enable', 'disable-next-line', 'disable-line']),
      rules: z.array(z.string()),
      line: z.number(),
    }),
  ),
  eol: z.enum(['\n', '\r\n']),
  lineCount: z.number(),
  /**
   * Where the text was not read as markdown because it would have made the parser stall or
   * overflow (blocks nested hundreds deep, a paragraph of thousands of `[` or `*`): that text
   * is read as plain text, and the notice says so. Absent when there is none.
   */
  notices: z.optional(
    z.array(
      z.object({
        kind: z.enum(['nesting', 'brackets', 'emphasis', 'code']),
        message: z.string(),
        range: RangeSchema,
      }),
    ),
  ),
});
export type PlanModel = z.infer<typeof PlanModelSchema>;

/** Options that change how text is read. Settings and the CLI config validate against this. */
export const AnalyzeOptionsSchema = z.object({
  hoursPerDay: z._default(z.number().check(z.positive()), 8),
  daysPerWeek: z._default(z.number().check(z.positive()), 5),
  detection: z._default(z.enum(['auto', 'always', 'never']), 'auto'),
  /** Per-rule severity override, or 'off'. */
  rules: z._default(z.record(z.string(), z.enum(['error', 'warning', 'info', 'hint', 'off'])), {}),
});
export type AnalyzeOptions = z.infer<typeof AnalyzeOptionsSchema>;
export type AnalyzeOptionsInput = z.input<typeof AnalyzeOptionsSchema>;
