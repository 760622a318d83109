/** The workspace index over an in-memory workspace and over a real folder: screening, updates, cross-file findings, exclusions. */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyzeIfPlan, resolveOptions, runCrossFileRules, type Analysis } from '../../../src/core';
import { WorkspaceIndex } from '../../../src/core/workspace/workspace-index';
import type { FileChange, PlanWorkspace } from '../../../src/core/workspace/workspace';
import { gitignoreGlobs } from '../../../src/core/workspace/ignore';
import { NodeWorkspace } from '../../../src/cli/workspace';

const PLAN = (box: ' ' | 'x') => `# Plan\n\n- [${box}] **ZX-1**: Ledger reconciliation export (P1, 6h)\n- [ ] **ZX-2**: Vendor onboarding (P2, 4h)\n- [ ] **ZX-3**: Tax summary (P1, 8h)\n`;
const README = '# tool\n\nA small library.\n\n## Install\n\n```sh\nnpm i tool\n```\n';

class MemoryWorkspace implements PlanWorkspace {
  readonly files = new Map<string, string>();
  reads: string[] = [];
  private listener: ((c: FileChange) => void) | undefined;
  async findMarkdownFiles() {
    return [...this.files.keys()];
  }
  async readFile(file: string) {
    this.reads.push(file);
    return this.files.get(file);
  }
  watchMarkdownFiles(onChange: (c: FileChange) => void) {
    this.listener = onChange;
    return { dispose: () => (this.listener = undefined) };
  }
  write(file: string, text: string) {
    this.files.set(file, text);
    this.listener?.({ kind: 'changed', file });
  }
}

function indexOver(workspace: PlanWorkspace, analysed: string[] = []) {
  const options = resolveOptions();
  return new WorkspaceIndex<Analysis>({
    workspace,
    analyze: async (file, text, forced) => {
      const analysis = analyzeIfPlan(text, options, forced);
      if (analysis) analysed.push(file);
      return analysis;
    },
    crossFile: async (plans) => runCrossFileRules(plans, options),
    isForced: (file) => file.includes('forced'),
  });
}

describe('workspace index', () => {
  it('analyses only files the line scan cannot rule out, unless settings force them', async () => {
    const ws = new MemoryWorkspace();
    ws.files.set('a.md', PLAN('x'));
    ws.files.set('readme.md', README);
    ws.files.set('forced-notes.md', README);
    const analysed: string[] = [];
    const index = indexOver(ws, analysed);
    const stats = await index.scan();
    assert.deepEqual(analysed.sort(), ['a.md', 'forced-notes.md']);
    assert.equal(stats.files, 3);
    assert.deepEqual(index.plans().map((p) => p.file).sort(), ['a.md', 'forced-notes.md']);
  });

  it('reports a disagreement in both files, and follows edits and deletes', async () => {
    const ws = new MemoryWorkspace();
    ws.files.set('a.md', PLAN('x'));
    ws.files.set('b.md', PLAN(' '));
    const index = indexOver(ws);
    index.watch();
    await index.scan();
    await index.idle();
    assert.equal(index.crossFileFindings('a.md').length, 1);
    assert.equal(index.crossFileFindings('b.md')[0]?.related[0]?.file, 'a.md');
    ws.write('b.md', PLAN('x'));
    await index.idle();
    assert.deepEqual(index.filesWithCrossFileFindings(), []);
    ws.write('b.md', PLAN(' '));
    await index.idle();
    assert.equal(index.crossFileFindings('a.md').length, 1);
    index.delete('b.md');
    await index.idle();
    assert.deepEqual(index.filesWithCrossFileFindings(), []);
  });

  it("lets an open editor's analysis stand in for the file on disk", async () => {
    const ws = new MemoryWorkspace();
    ws.files.set('a.md', PLAN('x'));
    ws.files.set('b.md', PLAN('x'));
    const index = indexOver(ws);
    await index.scan();
    await index.idle();
    assert.deepEqual(index.filesWithCrossFileFindings(), []);
    index.setEditorAnalysis('b.md', analyzeIfPlan(PLAN(' '), resolveOptions(), false));
    await index.idle();
    assert.deepEqual(index.filesWithCrossFileFindings().sort(), ['a.md', 'b.md']);
    assert.ok(index.isOpen('b.md'));
    index.setEditorAnalysis('b.md', undefined);
    await index.idle();
    assert.deepEqual(index.filesWithCrossFileFindings(), []);
  });

  it('never reads a file under node_modules, whatever the host lists', async () => {
    const ws = new MemoryWorkspace();
    ws.files.set('/w/node_modules/pkg/README.md', PLAN(' '));
    ws.files.set('/w/plan.md', PLAN('x'));
    const index = indexOver(ws);
    await index.scan();
    assert.deepEqual(ws.reads, ['/w/plan.md']);
  });

  it('reads .gitignore lines as globs (comments and negations skipped)', () => {
    assert.deepEqual(gitignoreGlobs('# c\nnode_modules/\n/dist\n!keep.md\nbuild/out\n'), ['**/node_modules', '**/node_modules/**', 'dist', 'dist/**', 'build/out', 'build/out/**']);
  });

  describe('on disk (the CLI and bench adapter)', () => {
    let root: string;
    before(() => {
      root = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-lens-index-'));
      for (const [file, text] of Object.entries({
        'docs/a.md': PLAN('x'),
        'docs/b.md': PLAN(' '),
        'node_modules/pkg/README.md': PLAN(' '),
        'out/generated.md': PLAN(' '),
        '.git/notes.md': PLAN(' '),
        'README.md': README,
        '.gitignore': 'out/\n',
      })) {
        fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
        fs.writeFileSync(path.join(root, file), text);
      }
    });
    after(() => fs.rmSync(root, { recursive: true, force: true }));

    it('lists markdown files without node_modules, dot-folders or .gitignore’d folders', async () => {
      const files = await new NodeWorkspace(root).findMarkdownFiles();
      assert.deepEqual(files.map((f) => path.relative(root, f).split(path.sep).join('/')), ['README.md', 'docs/a.md', 'docs/b.md']);
    });

    it('finds the disagreement between the two plans', async () => {
      const index = indexOver(new NodeWorkspace(root));
      await index.scan();
      await index.idle();
      assert.deepEqual(index.filesWithCrossFileFindings().map((f) => path.basename(f)).sort(), ['a.md', 'b.md']);
    });
  });
});
