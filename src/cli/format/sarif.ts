/**
 * SARIF 2.1.0, as GitHub code scanning reads it: one run, the rule table from the registry's
 * meta, results with 1-based regions relative to %SRCROOT%, and fixes as replacements.
 * Files that could not be read become tool notifications, and mark the run unsuccessful.
 */
import { pathToFileURL } from 'node:url';
import * as nodePath from 'node:path';
import type * as Sarif from 'sarif';
import type { Finding, Severity } from '../../core/index';
import type { RuleMeta } from '../../core/rules/types';
import type { LineIndex } from '../../core/parse/text';
import { toSpan, type Span } from '../positions';
import { isChecked, isFailed, lazyLines, type CheckedFile, type FileOutcome } from '../report';
import { INFORMATION_URI, ruleHelpUri, TOOL_NAME, TOOL_VERSION } from '../tool';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const SRCROOT = '%SRCROOT%';

const LEVEL: Record<Severity, Sarif.ReportingConfiguration.level> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

/** `cwd` resolves paths outside it to absolute file URIs; inside it, URIs stay relative. */
export function formatSarif(outcomes: readonly FileOutcome[], rules: readonly RuleMeta[], cwd: string): string {
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const checked = outcomes.filter(isChecked);
  const failed = outcomes.filter(isFailed);
  const run: Sarif.Run = {
    tool: { driver: { name: TOOL_NAME, version: TOOL_VERSION, semanticVersion: TOOL_VERSION, informationUri: INFORMATION_URI, rules: rules.map(ruleDescriptor) } },
    invocations: [
      {
        executionSuccessful: failed.length === 0,
        toolExecutionNotifications: failed.map((f) => ({
          level: 'error',
          message: { text: `${f.path}: ${f.error}` },
          locations: [{ physicalLocation: { artifactLocation: artifactLocation(f.path, cwd) } }],
        })),
      },
    ],
    columnKind: 'utf16CodeUnits',
    results: checked.flatMap((file) => fileResults(file, ruleIndex, cwd)),
  };
  const log: Sarif.Log = { $schema: SARIF_SCHEMA, version: '2.1.0', runs: [run] };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function ruleDescriptor(meta: RuleMeta): Sarif.ReportingDescriptor {
  return {
    id: meta.id,
    shortDescription: { text: firstSentence(meta.description) },
    fullDescription: { text: meta.description },
    defaultConfiguration: { level: LEVEL[meta.defaultSeverity] },
    helpUri: ruleHelpUri(meta.id),
    properties: { fixable: meta.fixable },
  };
}

function fileResults(file: CheckedFile, ruleIndex: Map<string, number>, cwd: string): Sarif.Result[] {
  const artifact = artifactLocation(file.path, cwd);
  const lines = lazyLines(file.text);
  return file.analysis.findings.map((finding) => {
    const result: Sarif.Result = {
      ruleId: finding.rule,
      ruleIndex: ruleIndex.get(finding.rule),
      level: LEVEL[finding.severity],
      message: { text: finding.message },
      locations: [{ physicalLocation: { artifactLocation: artifact, region: region(toSpan(finding.range)) } }],
    };
    if (finding.related.length > 0) {
      result.relatedLocations = finding.related.map((r, id) => ({
        id,
        message: { text: r.message },
        physicalLocation: { artifactLocation: r.file === undefined ? artifact : artifactLocation(r.file, cwd), region: region(toSpan(r.range)) },
      }));
    }
    if (finding.fix) result.fixes = [sarifFix(finding.fix, artifact, lines())];
    if (finding.declared !== undefined || finding.computed !== undefined) {
      result.properties = { declared: finding.declared, computed: finding.computed };
    }
    return result;
  });
}

function sarifFix(fix: NonNullable<Finding['fix']>, artifactLocation: Sarif.ArtifactLocation, lines: LineIndex): Sarif.Fix {
  const replacements = fix.edits.map((edit) => ({
    deletedRegion: region(toSpan(lines.range(edit.start, edit.end))),
    insertedContent: { text: edit.newText },
  }));
  return { description: { text: fix.description }, artifactChanges: [{ artifactLocation, replacements }] };
}

function region(span: Span): Sarif.Region {
  return { startLine: span.line, startColumn: span.column, endLine: span.endLine, endColumn: span.endColumn };
}

/** Relative to %SRCROOT% when inside the working folder (what code scanning expects), else absolute. */
function artifactLocation(shownPath: string, cwd: string): Sarif.ArtifactLocation {
  if (shownPath.startsWith('../') || nodePath.isAbsolute(shownPath) || /^[A-Za-z]:\//.test(shownPath)) {
    return { uri: pathToFileURL(nodePath.resolve(cwd, shownPath)).href };
  }
  return { uri: encodeURI(shownPath).replace(/[?#]/g, encodeURIComponent), uriBaseId: SRCROOT };
}

function firstSentence(text: string): string {
  const end = text.search(/\.(\s|$)/);
  return end === -1 ? text : text.slice(0, end + 1);
}
