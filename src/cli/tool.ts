/**
 * Who the CLI says it is. The version is read from package.json at build time: esbuild
 * inlines only the imported fields, so the bundle never reads the file at run time.
 */
import { version } from '../../package.json';

export const TOOL_NAME = 'plan-lens';
export const TOOL_VERSION: string = version;

/** package.json has no `repository` yet; keep this in step with it when it does. */
export const INFORMATION_URI = 'https://github.com/plan-lens/plan-lens';

/** Each rule's doc sits beside its code as `src/core/rules/<rule-id>.md`. */
export function ruleHelpUri(ruleId: string): string {
  return `${INFORMATION_URI}/blob/main/src/core/rules/${ruleId}.md`;
}
