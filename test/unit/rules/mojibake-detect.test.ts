import { strict as assert } from 'node:assert';
import { codePageTable, findMojibake, repairMojibake, type CodePage } from '../../../src/core/parse/mojibake';
import { ABSENT, CORPUS, readShared, sharedFiles } from './shared-files';

/** What a wrong decode does: UTF-8 bytes read one by one through the code page. */
function garble(text: string, codePage: CodePage): string {
  const table = codePageTable(codePage);
  return [...Buffer.from(text, 'utf8')].map((b) => String.fromCodePoint(b < 0x80 ? b : table[b - 0x80])).join('');
}

describe('mojibake detection', () => {
  it('has the Windows-1252 table for 0x80–0x9F (undefined bytes as C1 controls, as browsers decode them)', () => {
    const table = codePageTable('windows-1252');
    const expected = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
    assert.equal(table.slice(0, 32).map((c) => String.fromCodePoint(c)).join(''), expected);
    for (let b = 0xa0; b <= 0xff; b++) assert.equal(table[b - 0x80], b);
  });

  it('has the Windows-1254 table, checked against the platform decoder', function () {
    let decoder: InstanceType<typeof TextDecoder>;
    try {
      decoder = new TextDecoder('windows-1254');
    } catch {
      this.skip();
    }
    const table = codePageTable('windows-1254');
    for (let b = 0x80; b <= 0xff; b++) assert.equal(table[b - 0x80], decoder.decode(Uint8Array.of(b)).codePointAt(0), `byte ${b.toString(16)}`);
  });

  const cases: [string, string, string][] = [
    ['Status: âœ… Done', 'âœ…', '✅'],
    ['## ðŸŽ¯ Goals', 'ðŸŽ¯', '🎯'],
    ['## ğŸ“Š Metrics', 'ğŸ“Š', '📊'],
    ['cafÃ© au lait', 'Ã©', 'é'],
    ['a â€” b', 'â€”', '—'],
    ['donâ€™t', 'â€™', '’'],
    ['Ð¿Ñ€Ð¸Ð²ÐµÑ‚', 'Ð¿Ñ€Ð¸Ð²ÐµÑ‚', 'привет'],
    ['æ—¥æœ¬èªž', 'æ—¥æœ¬èªž', '日本語'],
  ];
  for (const [text, run, fixed] of cases) {
    it(`repairs ${JSON.stringify(run)} as ${JSON.stringify(fixed)}`, () => {
      const found = findMojibake(text);
      assert.equal(found.length, 1);
      assert.equal(found[0].text, run);
      assert.equal(found[0].fixed, fixed);
      assert.equal(text.slice(found[0].range.start.offset, found[0].range.end.offset), run);
    });
  }

  it('says how each run was damaged: the code page, and how many times', () => {
    const kinds = (text: string) => findMojibake(text).map((m) => [m.text, m.fixed, m.codePage, m.layers]);
    assert.deepEqual(kinds(`a ${garble('—', 'windows-1252')} b`), [['â€”', '—', 'windows-1252', 1]]);
    assert.deepEqual(kinds(`a ${garble('📊', 'windows-1254')} b`), [['ğŸ“Š', '📊', 'windows-1254', 1]]);
    assert.deepEqual(kinds(`a ${garble('—', 'iso-8859-1')} b`), [['â\u0080\u0094', '—', 'iso-8859-1', 1]]);
    assert.deepEqual(kinds(`a ${garble(garble('✅', 'windows-1252'), 'windows-1252')} b`), [['Ã¢Å“â€¦', '✅', 'windows-1252', 2]]);
  });

  it('repairs a double-encoded run only when its whole repair is garbled again', () => {
    // The repair "Ã©é" holds a garbled-looking pair but is not, as a whole, one garbled run.
    assert.equal(repairMojibake(garble('Ã©é', 'windows-1252')), 'Ã©é');
    assert.equal(repairMojibake(garble(garble('Straße ✅ 日本', 'windows-1252'), 'windows-1252')), 'Straße ✅ 日本');
  });

  it('leaves a garbled byte-order mark alone (its repair would be invisible)', () => {
    assert.deepEqual(findMojibake('ï»¿# Plan'), []);
  });

  it('gives 0-based line and column positions, CRLF included', () => {
    const [m] = findMojibake('# Plan\r\n\r\n- âœ… done\r\n');
    assert.deepEqual(m.range.start, { line: 2, column: 2, offset: 12 });
    assert.deepEqual(m.range.end, { line: 2, column: 5, offset: 15 });
  });

  it('leaves legitimate text alone', () => {
    const legit = [
      'café, résumé, naïve, à la carte, Noël',
      'Müller, Straße, Größe, Übergröße',
      'İstanbul, ağaç, şimdi, ılık, Ğ Ş',
      'Привет, мир — это тест',
      '日本語のテキスト（優先度: 高）40〜56時間',
      '✅ ❌ ⚠️ 🎯 📊 🔴 🟡 🟢',
      'Add \uFFFDsuccess\uFFFD toast',
      'CAFÉ—BAR, NIÑO», Ö’s, “quoted” – dash … ellipsis',
      'Ångström, Æsir, Øresund, smørbrød, fjærkledd',
    ];
    for (const text of legit) assert.deepEqual(findMojibake(text), [], text);
  });

  it('does not offer a repair for U+FFFD or an incomplete run', () => {
    assert.deepEqual(findMojibake('Add â€\uFFFDsuccess'), []);
    assert.deepEqual(findMojibake('lost quote â€ here'), []);
  });

  it('repairs every run at once', () => {
    assert.equal(repairMojibake('âœ… a â€” b ðŸŽ¯'), '✅ a — b 🎯');
    assert.equal(repairMojibake('plain text'), 'plain text');
  });

  describe('on the corpus (skipped when absent)', () => {
    const files = sharedFiles(CORPUS);
    before(function () {
      if (files.length === 0) {
        console.log(`      skipped: ${ABSENT}`);
        this.skip();
      }
    });
    it('finds nothing in real documents', () => {
      for (const f of files) assert.deepEqual(findMojibake(readShared(CORPUS, f)!), [], f);
    });
    for (const codePage of ['windows-1252', 'windows-1254', 'iso-8859-1'] as const) {
      it(`round-trips every document garbled through ${codePage}`, () => {
        for (const f of files) {
          const text = readShared(CORPUS, f)!;
          // A replacement character is already a loss; its garbled form stays as it is.
          const expected = text.replaceAll('\uFFFD', garble('\uFFFD', codePage));
          assert.ok(repairMojibake(garble(text, codePage)) === expected, `${f} does not round-trip`);
        }
      });
    }
  });
});
