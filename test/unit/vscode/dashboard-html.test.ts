/** The dashboard webview's page: a strict CSP, nonce'd script and style, validated messages. */
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { CHART_CSS } from '../../../src/core/charts/svg';
import { contentSecurityPolicy, dashboardPage, makeNonce, parseDashboardMessage } from '../../../src/vscode/features/dashboard-html';

const CSP_SOURCE = 'https://file+.vscode-resource.vscode-cdn.net';

function page(body = '<p>charts</p>', nonce = 'abc123'): string {
  return dashboardPage({ cspSource: CSP_SOURCE, nonce, scriptUri: `${CSP_SOURCE}/ext/media/dashboard.js`, styleUri: `${CSP_SOURCE}/ext/media/dashboard.css`, title: 'Plan Lens Dashboard: <plan>.md', body });
}

function directives(html: string): Map<string, string[]> {
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)![1].replace(/&#39;/g, "'");
  return new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
}

describe('dashboard page', () => {
  it('has a CSP with default-src none, scripts only by nonce, no unsafe-inline or unsafe-eval', () => {
    const html = page();
    const csp = directives(html);
    assert.deepEqual(csp.get('default-src'), ["'none'"]);
    assert.deepEqual(csp.get('script-src'), ["'nonce-abc123'"]);
    assert.deepEqual(csp.get('style-src'), [CSP_SOURCE]);
    assert.doesNotMatch(html, /<style|\sstyle=/);
    for (const values of csp.values()) {
      for (const v of values) assert.ok(!/unsafe-|^\*$|^https?:$|^data:$/.test(v), `CSP allows ${v}`);
    }
    assert.equal(contentSecurityPolicy(CSP_SOURCE, 'n').includes('unsafe'), false);
  });

  it('loads its one script by nonce from media/, with no inline script or handler', () => {
    const html = page('<button type="button" class="pl-reveal" data-line="3">Line 4</button>');
    const scripts = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    assert.equal(scripts.length, 1);
    assert.match(scripts[0][1], / nonce="abc123" src="[^"]+\/media\/dashboard\.js"/);
    assert.equal(scripts[0][2], '');
    assert.doesNotMatch(html, /\son[a-z]+\s*=/i);
    assert.match(html, /<title>Plan Lens Dashboard: &lt;plan&gt;.md<\/title>/);
  });

  it('makes a fresh, attribute-safe nonce each time', () => {
    const a = makeNonce();
    const b = makeNonce();
    assert.notEqual(a, b);
    assert.match(a, /^[A-Za-z0-9]{32}$/);
  });

  it('accepts only the messages it knows, with a whole, non-negative line', () => {
    assert.deepEqual(parseDashboardMessage({ type: 'reveal', line: 12 }), { type: 'reveal', line: 12 });
    assert.deepEqual(parseDashboardMessage({ type: 'ready' }), { type: 'ready' });
    for (const bad of [{ type: 'reveal', line: -1 }, { type: 'reveal', line: 1.5 }, { type: 'reveal', line: '3' }, { type: 'reveal' }, { type: 'run', command: 'x' }, null, 'reveal', 42]) {
      assert.equal(parseDashboardMessage(bad), undefined, JSON.stringify(bad));
    }
  });
});

describe('dashboard packaging', () => {
  it('ships media/dashboard.js and dashboard.css: .vscodeignore leaves media/ in', () => {
    const root = path.resolve(__dirname, '../../..');
    for (const f of ['media/dashboard.js', 'media/dashboard.css']) assert.ok(existsSync(path.join(root, f)), f);
    const ignored = readFileSync(path.join(root, '.vscodeignore'), 'utf8').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
    assert.deepEqual(ignored.filter((l) => /^(?:\*\*\/)?media\b|\*\.js$|\*\.css$/.test(l)), []);
  });

  it('styles the webview charts exactly as the CLI report does (media/dashboard.css holds CHART_CSS)', () => {
    const css = readFileSync(path.resolve(__dirname, '../../../media/dashboard.css'), 'utf8');
    assert.ok(css.includes(CHART_CSS), 'media/dashboard.css ends with CHART_CSS from src/core/charts/svg.ts, verbatim');
  });
});
