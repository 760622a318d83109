/**
 * The dashboard webview's page and the messages it may send. Pure (no `vscode`), so the
 * Content-Security-Policy and the message check are tested in plain Node.
 */
import * as z from 'zod/mini';
import { escapeHtml } from '../../core/charts/svg';

/** Everything the page may ask for; anything else is ignored. */
export const DashboardMessageSchema = z.union([
  z.object({ type: z.literal('reveal'), line: z.int().check(z.gte(0)) }),
  z.object({ type: z.literal('ready') }),
]);
export type DashboardMessage = z.infer<typeof DashboardMessageSchema>;

export function parseDashboardMessage(value: unknown): DashboardMessage | undefined {
  const parsed = DashboardMessageSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

export interface PageInput {
  /** `webview.cspSource`. */
  cspSource: string;
  nonce: string;
  scriptUri: string;
  styleUri: string;
  title: string;
  body: string;
}

/** Nothing loads but our media/ (styles, by the webview's source) and the nonce'd script. */
export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [`default-src 'none'`, `img-src ${cspSource}`, `style-src ${cspSource}`, `script-src 'nonce-${nonce}'`, `font-src ${cspSource}`].join('; ');
}

export function dashboardPage(p: PageInput): string {
  const attr = escapeHtml;
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${attr(contentSecurityPolicy(p.cspSource, p.nonce))}">
<meta name="viewport" content="width=device-width,initial-scale=1">
<link rel="stylesheet" href="${attr(p.styleUri)}">
<title>${escapeHtml(p.title)}</title></head>
<body><header><h1 id="pl-title">${escapeHtml(p.title)}</h1></header>
<main id="pl-root" aria-live="polite">${p.body}</main>
<script nonce="${attr(p.nonce)}" src="${attr(p.scriptUri)}"></script>
</body></html>`;
}

/** A fresh nonce per page: 32 characters from a CSPRNG. */
export function makeNonce(random: (bytes: Uint8Array) => Uint8Array = (b) => crypto.getRandomValues(b)): string {
  return Buffer.from(random(new Uint8Array(24))).toString('base64').replace(/[+/=]/g, 'x');
}
