/** The standalone HTML page around the dashboard fragments: no scripts, no external resources. */
import { CHART_CSS, escapeHtml } from '../core/index';
import { TOOL_NAME, TOOL_VERSION } from './tool';

// VS Code's Light+/Dark+ colours stand in for the theme variables the webview gets.
const PAGE_CSS = `
:root{--vscode-editor-background:#fff;--vscode-editor-foreground:#1f1f1f;--vscode-charts-foreground:#1f1f1f;--vscode-charts-lines:#8888;--vscode-charts-blue:#1a85ff;--vscode-charts-green:#388a34;--vscode-charts-yellow:#bf8803;--vscode-charts-purple:#652d90;color-scheme:light dark}
@media (prefers-color-scheme:dark){:root{--vscode-editor-background:#1f1f1f;--vscode-editor-foreground:#ccc;--vscode-charts-foreground:#ccc;--vscode-charts-lines:#ccc8;--vscode-charts-blue:#3794ff;--vscode-charts-green:#89d185;--vscode-charts-yellow:#cca700;--vscode-charts-purple:#b180d7}}
body{font-family:system-ui,sans-serif;margin:2em auto;max-width:900px;padding:0 1em;background:var(--vscode-editor-background);color:var(--vscode-editor-foreground)}
h1{font-size:1.4em;border-bottom:1px solid var(--vscode-charts-lines);padding-bottom:.2em}
`;

export function reportPage(plans: { path: string; body: string }[], day: string): string {
  const body = plans.map((p) => `<section class="pl-plan"><h1>${escapeHtml(p.path)}</h1>\n${p.body}\n</section>`).join('\n');
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>Plan Lens report</title><style>${PAGE_CSS}${CHART_CSS}</style></head>
<body><p>Plan Lens report, ${escapeHtml(day)} (${TOOL_NAME} ${TOOL_VERSION}).</p>
${body}
</body></html>
`;
}
