/**
 * Plan Lens: Open Dashboard — a webview beside the editor with the active plan's charts,
 * redrawn whenever the plan's analysis changes, and its burn-down read from git. The page
 * runs one small script from media/ (by nonce); what it sends back is validated before use.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ActivePlan } from '../active-plan';
import type { PlanEntry } from '../analysis/plan-store';
import type { SettingsService } from '../settings-service';
import { renderDashboard, type DashboardOptions } from '../../core/charts/dashboard';
import { HistoryReader } from '../../core/history/reader';
import { lineChanges, replay } from '../../core/history/replay';
import { localDay, spawnGit } from '../../cli/git';
import { dashboardPage, makeNonce, parseDashboardMessage, type DashboardMessage } from './dashboard-html';

const COMMAND = 'planLens.openDashboard';
const VIEW_TYPE = 'planLens.dashboard';

interface Shown {
  uri: vscode.Uri | undefined;
  version: number | undefined;
  title: string;
  html: string;
}

interface GitApi {
  git: { path: string };
}

export class Dashboard implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private reader: HistoryReader | undefined;
  private shown: Shown = { uri: undefined, version: undefined, title: 'Plan Lens Dashboard', html: '' };
  private renders = 0;
  private readonly subscriptions: vscode.Disposable[];
  private readonly rendered = new vscode.EventEmitter<Shown>();
  /** Fires after the page got new charts (tests wait on it). */
  readonly onDidRender = this.rendered.event;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly plan: ActivePlan,
    private readonly settings: SettingsService,
  ) {
    this.subscriptions = [plan.onDidChange(() => void this.update())];
  }

  get state(): Shown & { open: boolean } {
    return { ...this.shown, open: this.panel !== undefined };
  }

  open(): void {
    if (this.panel) {
      this.panel.reveal(undefined, true);
      return;
    }
    const media = vscode.Uri.joinPath(this.extensionUri, 'media');
    const panel = vscode.window.createWebviewPanel(VIEW_TYPE, 'Plan Lens Dashboard', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
      enableScripts: true,
      enableCommandUris: false,
      localResourceRoots: [media],
    });
    panel.iconPath = vscode.Uri.joinPath(media, 'plan-lens.svg');
    this.panel = panel;
    panel.onDidDispose(() => (this.panel = undefined));
    panel.webview.onDidReceiveMessage((message: unknown) => void this.handle(parseDashboardMessage(message)));
    panel.webview.html = dashboardPage({
      cspSource: panel.webview.cspSource,
      nonce: makeNonce(),
      scriptUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(media, 'dashboard.js')).toString(),
      styleUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(media, 'dashboard.css')).toString(),
      title: this.shown.title,
      body: this.shown.html,
    });
    void this.update();
  }

  /** What the page asked for; undefined when the message did not validate (ignored). */
  async handle(message: DashboardMessage | undefined): Promise<boolean> {
    if (!message) return false;
    if (message.type === 'ready') return this.post();
    const uri = this.shown.uri;
    if (!uri) return false;
    const document = await vscode.workspace.openTextDocument(uri);
    const line = Math.min(message.line, document.lineCount - 1);
    const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
    const range = new vscode.Range(line, 0, line, document.lineAt(line).text.length);
    const editor = await vscode.window.showTextDocument(document, { viewColumn: visible?.viewColumn ?? vscode.ViewColumn.One, selection: range, preserveFocus: false });
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    return true;
  }

  dispose(): void {
    this.panel?.dispose();
    vscode.Disposable.from(...this.subscriptions).dispose();
    this.rendered.dispose();
  }

  private async update(): Promise<void> {
    if (!this.panel) return;
    const render = ++this.renders;
    const entry = this.plan.entry;
    const document = this.plan.document;
    const shown = entry ? await this.render(entry, document) : { uri: undefined, version: undefined, title: 'Plan Lens Dashboard', html: '<p class="pl-empty-plan">Open a markdown plan to see its dashboard.</p>' };
    if (render !== this.renders) return; // a newer analysis came in meanwhile
    this.shown = shown;
    await this.post();
    this.rendered.fire(shown);
  }

  private async render(entry: PlanEntry, document: vscode.TextDocument | undefined): Promise<Shown> {
    const history = await this.history(entry, document);
    const name = path.posix.basename(entry.uri.path);
    const options: DashboardOptions = { interactive: true, history };
    return { uri: entry.uri, version: entry.version, title: `Plan Lens Dashboard: ${name}`, html: renderDashboard(entry.analysis, options) };
  }

  private async post(): Promise<boolean> {
    return this.panel ? this.panel.webview.postMessage({ type: 'update', html: this.shown.html, title: this.shown.title }) : false;
  }

  /** The burn-down, or why there is none; never throws (a dashboard without it still helps). */
  private async history(entry: PlanEntry, document: vscode.TextDocument | undefined): Promise<DashboardOptions['history']> {
    if (entry.uri.scheme !== 'file') return { unavailable: 'No burn-down: the plan is not a file on disk (a virtual or remote workspace), so its git history cannot be read here.' };
    try {
      const reader = (this.reader ??= new HistoryReader(spawnGit(gitPath())));
      const file = entry.uri.fsPath;
      const read = await reader.read(path.dirname(file), path.basename(file));
      if (!read.ok) return { unavailable: read.reason };
      const text = document?.getText();
      const { hoursPerDay, daysPerWeek } = this.settings.current.options;
      return replay({
        commits: read.commits,
        now: entry.analysis.rollups.document,
        uncommitted: read.headText !== undefined && text !== undefined ? lineChanges(read.headText, text) : undefined,
        today: localDay(),
        units: { hoursPerDay, daysPerWeek },
      });
    } catch (error) {
      return { unavailable: `No burn-down: ${String(error)}`.slice(0, 300) };
    }
  }
}

/** The git VS Code's git extension found (a configured `git.path`), else `git` on PATH. */
function gitPath(): string {
  const extension = vscode.extensions.getExtension<{ getAPI(version: 1): GitApi }>('vscode.git');
  try {
    return (extension?.isActive && extension.exports.getAPI(1).git.path) || 'git';
  } catch {
    return 'git';
  }
}

export function registerDashboardSupport(dashboard: Dashboard): vscode.Disposable {
  return vscode.Disposable.from(
    dashboard,
    vscode.commands.registerCommand(COMMAND, () => dashboard.open()),
    // For the integration tests: what the page shows, and a message as if the page sent it.
    vscode.commands.registerCommand('planLens._test.dashboard', () => ({ ...dashboard.state, uri: dashboard.state.uri?.toString() })),
    vscode.commands.registerCommand('planLens._test.dashboardMessage', (message: unknown) => dashboard.handle(parseDashboardMessage(message))),
  );
}
