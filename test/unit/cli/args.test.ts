import { strict as assert } from 'node:assert';
import { HELP, parseCommandLine } from '../../../src/cli/args';

function usageMessage(argv: string[]): string {
  const parsed = parseCommandLine(argv);
  assert.equal(parsed.kind, 'usage', JSON.stringify(parsed));
  return parsed.kind === 'usage' ? parsed.message : '';
}

describe('cli/args', () => {
  it('reads a check command with its options', () => {
    assert.deepEqual(parseCommandLine(['check', '--format', 'sarif', '-c', 'x.json', '--fix', 'a.md', 'docs']), {
      kind: 'run',
      run: { command: 'check', format: 'sarif', config: 'x.json', fix: true, paths: ['a.md', 'docs'] },
    });
  });

  it('defaults to text and no fix', () => {
    assert.deepEqual(parseCommandLine(['summary', 'a.md']), {
      kind: 'run',
      run: { command: 'summary', format: 'text', config: undefined, fix: false, paths: ['a.md'] },
    });
  });

  it('takes paths after -- even when they look like flags', () => {
    const parsed = parseCommandLine(['check', '--', '--odd.md']);
    assert.equal(parsed.kind === 'run' && parsed.run.paths[0], '--odd.md');
  });

  it('answers --help and --version before anything else', () => {
    assert.equal(parseCommandLine(['check', '--help']).kind, 'help');
    assert.equal(parseCommandLine(['-v']).kind, 'version');
  });

  it('rejects what it cannot run, naming the problem', () => {
    assert.match(usageMessage(['check', '--bogus', 'a.md']), /--bogus/);
    assert.match(usageMessage([]), /missing command/);
    assert.match(usageMessage(['lint', 'a.md']), /unknown command "lint"/);
    assert.match(usageMessage(['check']), /no PATH/);
    assert.match(usageMessage(['check', '--format', 'xml', 'a.md']), /unknown format "xml"/);
    assert.match(usageMessage(['summary', '--format', 'sarif', 'a.md']), /unknown format "sarif"/);
    assert.match(usageMessage(['summary', '--fix', 'a.md']), /--fix works only with check/);
    assert.match(usageMessage(['check', 'a.md', '--format']), /argument missing/);
  });

  it('documents commands, options and exit codes in --help', () => {
    for (const word of ['summary', 'check', '--format', '--config', '--fix', '--version', '.planlens.json', 'Exit status']) {
      assert.ok(HELP.includes(word), word);
    }
    assert.match(HELP, /^\s+0\s/m);
    assert.match(HELP, /^\s+1\s/m);
    assert.match(HELP, /^\s+2\s/m);
  });
});
