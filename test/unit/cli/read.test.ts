import { strict as assert } from 'node:assert';
import { decodePlan, describeIoError, encodePlan } from '../../../src/cli/read';

const bytes = (...b: number[]) => new Uint8Array(b);
const utf8 = (s: string) => new TextEncoder().encode(s);

describe('cli/read', () => {
  it('takes a BOM off and remembers it, keeping CRLF as written', () => {
    assert.deepEqual(decodePlan(utf8('\uFEFF# Plan\r\n')), { ok: true, text: '# Plan\r\n', bom: true });
    assert.deepEqual(decodePlan(utf8('# Plan\n')), { ok: true, text: '# Plan\n', bom: false });
    assert.equal(encodePlan('# Plan\r\n', true), '\uFEFF# Plan\r\n');
    assert.equal(encodePlan('# Plan\n', false), '# Plan\n');
  });

  it('refuses binary files, invalid UTF-8 and UTF-16, saying which', () => {
    const nul = decodePlan(bytes(0x23, 0x20, 0x00, 0x41));
    assert.ok(!nul.ok && /binary/.test(nul.reason) && /offset 2/.test(nul.reason));
    const latin1 = decodePlan(bytes(0x63, 0x61, 0x66, 0xe9, 0x0a)); // "café" in Latin-1
    assert.ok(!latin1.ok && /not valid UTF-8/.test(latin1.reason));
    const utf16 = decodePlan(bytes(0xff, 0xfe, 0x23, 0x00));
    assert.ok(!utf16.ok && /UTF-16LE/.test(utf16.reason));
  });

  it('looks for NUL bytes only in the first 8 KB', () => {
    const late = new Uint8Array(9000).fill(0x61);
    late[8500] = 0;
    assert.ok(decodePlan(late).ok);
  });

  it('names read failures in a few words', () => {
    assert.equal(describeIoError(Object.assign(new Error('x'), { code: 'ENOENT' })), 'no such file');
    assert.equal(describeIoError(Object.assign(new Error('x'), { code: 'EACCES' })), 'permission denied');
    assert.equal(describeIoError(Object.assign(new Error('x'), { code: 'EISDIR' })), 'is a folder, not a file');
  });
});
