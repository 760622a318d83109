/**
 * text → mdast: unified + remark-parse, with the GFM constructs a plan uses (task list
 * items, tables, strikethrough, footnotes). The processor is built and frozen once and
 * serves every parse.
 *
 * `remarkPlanGfm` registers those constructs the way remark-gfm does (on the processor's
 * `micromarkExtensions` / `fromMarkdownExtensions` data), but without autolink literals:
 * they only turn "www.example.com" into a link node whose plain text is the same, the
 * models stay identical on every shared plan and fixture, and their transform
 * (mdast-util-find-and-replace) is both the slowest part of a GFM parse (cold parses
 * measured 0.56–0.74× without it) and a recursive tree walk that deep nesting overflows.
 */
import type { Root } from 'mdast';
import { unified, type Processor } from 'unified';
import remarkParse from 'remark-parse';
import { combineExtensions } from 'micromark-util-combine-extensions';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';

/** A remark plugin: GFM without autolink literals. */
export function remarkPlanGfm(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(combineExtensions([gfmFootnote(), gfmStrikethrough(), gfmTable(), gfmTaskListItem()]));
  (data.fromMarkdownExtensions ??= []).push([gfmFootnoteFromMarkdown(), gfmStrikethroughFromMarkdown(), gfmTableFromMarkdown(), gfmTaskListItemFromMarkdown()]);
}

const processor = unified().use(remarkParse).use(remarkPlanGfm).freeze();

export function parseMarkdown(text: string): Root {
  return processor.parse(text);
}
