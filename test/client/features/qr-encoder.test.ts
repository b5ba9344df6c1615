import {
  dataCodewords,
  encodeQr,
  finalCodewords,
  formatInformation,
  maskPenalty,
  QrTooLongError,
  reedSolomonCodewords,
  smallestVersion,
  versionInformation,
} from '@/features/qr-code/qr-encoder';

// Expected values come from ISO/IEC 18004 (its worked example, capacity and BCH tables), not from this encoder.

const hex = (text: string) => text.split(' ').map((byte) => Number.parseInt(byte, 16));
const bits = (text: string) => Number.parseInt(text, 2);

describe('Reed-Solomon over GF(256)', () => {
  it('gives the error correction codewords of the standard\'s example "01234567" in 1-M', () => {
    const data = hex('10 20 0C 56 61 80 EC 11 EC 11 EC 11 EC 11 EC 11');
    expect(reedSolomonCodewords(data, 10)).toEqual(hex('A5 24 D4 C1 ED 36 C7 87 2C 55'));
  });

  it('gives the 13 codewords of "HELLO WORLD" in 1-Q (another block length)', () => {
    const data = [32, 91, 11, 120, 209, 114, 220, 77, 67, 64, 236, 17, 236];
    expect(reedSolomonCodewords(data, 13)).toEqual([168, 72, 22, 82, 217, 54, 156, 0, 46, 15, 180, 122, 16]);
  });

  it('a single block at level M is its data followed by its error correction', () => {
    const data = hex('10 20 0C 56 61 80 EC 11 EC 11 EC 11 EC 11 EC 11');
    expect(finalCodewords(data, 1)).toEqual([...data, ...hex('A5 24 D4 C1 ED 36 C7 87 2C 55')]);
  });

  it('interleaves blocks of unequal length column by column (version 8: 2 x 38 and 2 x 39 data codewords)', () => {
    const data = Array.from({ length: 154 }, (_, i) => i % 256);
    const result = finalCodewords(data, 8);
    expect(result).toHaveLength(242);
    // First codewords of blocks 1-4, then the second ones; the last data codeword belongs to the longer blocks only.
    expect(result.slice(0, 8)).toEqual([0, 38, 76, 115, 1, 39, 77, 116]);
    expect(result.slice(148, 154)).toEqual([37, 75, 113, 152, 114, 153]);
  });
});

describe('data codewords in byte mode', () => {
  it('writes mode 0100, an 8-bit count, the bytes, the terminator and the pads 0xEC 0x11', () => {
    // "AB": 0100 00000010 01000001 01000010 0000 -> 40 24 14 20, then 12 pad codewords to 16.
    expect(dataCodewords([0x41, 0x42], 1)).toEqual(hex('40 24 14 20 EC 11 EC 11 EC 11 EC 11 EC 11 EC 11'));
  });

  it('counts in 16 bits from version 10', () => {
    expect(dataCodewords([0x41], 10).slice(0, 4)).toEqual(hex('40 00 14 10'));
  });

  it('picks the smallest version by the byte capacity table of level M', () => {
    const capacity = [14, 26, 42, 62, 84, 106, 122, 152, 180, 213];
    capacity.forEach((bytes, index) => {
      expect(smallestVersion(bytes)).toBe(index + 1);
      if (index < 9) expect(smallestVersion(bytes + 1)).toBe(index + 2);
    });
    expect(() => smallestVersion(214)).toThrow(QrTooLongError);
  });
});

describe('format and version information', () => {
  it('matches the BCH table for level M, masks 0-7', () => {
    const table = [
      '101010000010010',
      '101000100100101',
      '101111001111100',
      '101101101001011',
      '100010111111001',
      '100000011001110',
      '100111110010111',
      '100101010100000',
    ];
    expect(table.map((_, mask) => formatInformation(mask))).toEqual(table.map(bits));
  });

  it('matches the table for level L too (level bits 01)', () => {
    expect(formatInformation(0, 0b01)).toBe(bits('111011111000100'));
    expect(formatInformation(4, 0b01)).toBe(bits('110011000101111'));
  });

  it('matches the version information table for versions 7-10', () => {
    expect([7, 8, 9, 10].map(versionInformation)).toEqual([0x07c94, 0x085bc, 0x09a99, 0x0a4d3]);
  });
});

describe('mask penalty', () => {
  const grid = (size: number, dark: (row: number, column: number) => boolean) =>
    Array.from({ length: size }, (_, row) => Array.from({ length: size }, (_, column) => dark(row, column)));

  it('is 0 for a checkerboard: no runs, no blocks, no finder-like pattern, half dark', () => {
    expect(maskPenalty(grid(20, (r, c) => (r + c) % 2 === 0))).toBe(0);
  });

  it('counts runs (3 each), 2x2 blocks (3 each) and the dark share (10 per 5 %) of an all-light 5x5', () => {
    // 10 runs of 5 = 30, 16 blocks = 48, 0 % dark: 10 steps of 5 % = 100.
    expect(maskPenalty(grid(5, () => false))).toBe(178);
  });

  it('counts a 1:1:3:1:1 pattern beside four light modules, on each side, as 40', () => {
    const line = [0, 0, 0, 0, 1, 0, 1, 1, 1, 0, 1].map(Boolean);
    const modules = grid(11, (r, c) => r === 5 && line[c]);
    // Rows: 10 light rows of 11 (3 + 6 each) = 90; the pattern with light before and after = 80.
    // Columns 0-3, 5 and 9 are light (6 x 9 = 54); 4, 6, 7, 8, 10 are two runs of 5 (5 x 6 = 30).
    // Blocks: 8 pairs of light rows x 10 = 80, plus 3 light pairs beside row 5 on each side = 86 x 3 = 258.
    // Dark share 5/121 = 4.1 %: 9 steps = 90.
    expect(maskPenalty(modules)).toBe(90 + 80 + 54 + 30 + 258 + 90);
  });
});

describe('the symbol', () => {
  const formatFromFirstCopy = (modules: boolean[][]) => {
    const positions: [number, number][] = [
      [0, 8],
      [1, 8],
      [2, 8],
      [3, 8],
      [4, 8],
      [5, 8],
      [7, 8],
      [8, 8],
      [8, 7],
      [8, 5],
      [8, 4],
      [8, 3],
      [8, 2],
      [8, 1],
      [8, 0],
    ];
    return positions.reduce((value, [row, column], i) => value | (Number(modules[row][column]) << i), 0);
  };
  const formatFromSecondCopy = (modules: boolean[][]) => {
    const size = modules.length;
    let value = 0;
    for (let i = 0; i < 8; i++) value |= Number(modules[8][size - 1 - i]) << i;
    for (let i = 8; i < 15; i++) value |= Number(modules[size - 15 + i][8]) << i;
    return value;
  };

  it('has finders, timing, the dark module and both copies of its format information', () => {
    const symbol = encodeQr('01234567');
    expect(symbol.version).toBe(1);
    expect(symbol.size).toBe(21);
    const { modules } = symbol;
    const finderRow = [true, true, true, true, true, true, true, false];
    expect(modules[0].slice(0, 8)).toEqual(finderRow);
    expect(modules[0].slice(13)).toEqual([false, ...finderRow.slice(0, 7)]);
    expect(modules[20].slice(0, 8)).toEqual(finderRow);
    expect(modules[6].slice(8, 13)).toEqual([true, false, true, false, true]);
    expect(modules[13][8]).toBe(true);
    expect(formatFromFirstCopy(modules)).toBe(formatInformation(symbol.mask));
    expect(formatFromSecondCopy(modules)).toBe(formatInformation(symbol.mask));
  });

  it('keeps the mask of least penalty', () => {
    const text = 'qy1.s.demo-session.1234.abcdefghijklmnop';
    const chosen = encodeQr(text);
    const penalties = [0, 1, 2, 3, 4, 5, 6, 7].map((mask) => maskPenalty(encodeQr(text, mask).modules));
    expect(maskPenalty(chosen.modules)).toBe(Math.min(...penalties));
    expect(encodeQr(text, chosen.mask).modules).toEqual(chosen.modules);
  });

  it('draws "01234567" as the symbol an independent decoder (zbarimg 0.23) read back', () => {
    // Checked once by hand: this matrix, as an image, decodes to "01234567" with zbar, and so did
    // every mask of versions 1, 2, 5, 7 and 10 of other texts. Kept here so a change cannot slip by.
    const symbol = encodeQr('01234567');
    expect(symbol.mask).toBe(6);
    expect(symbol.modules.map((row) => row.map((dark) => (dark ? '#' : '.')).join(''))).toEqual([
      '#######.#.##..#######',
      '#.....#.#..##.#.....#',
      '#.###.#.#...#.#.###.#',
      '#.###.#..##...#.###.#',
      '#.###.#.#.#.#.#.###.#',
      '#.....#..####.#.....#',
      '#######.#.#.#.#######',
      '..........###........',
      '#..######...##..#.###',
      '####...###..####..##.',
      '.###..#####..#.#..#.#',
      '.#...#.....#.....##..',
      '..##..#.#.#..##.#..##',
      '........##.##..##.#..',
      '#######.#...#####..#.',
      '#.....#.######.##.#.#',
      '#.###.#.#..##.#......',
      '#.###.#.#.###..#.##..',
      '#.###.#..#....###..##',
      '#.....#..##..##...###',
      '#######.##.#....##...',
    ]);
  });

  it('writes version information in both corners from version 7', () => {
    const symbol = encodeQr('x'.repeat(110));
    expect(symbol.version).toBe(7);
    const info = versionInformation(7);
    for (let i = 0; i < 18; i++) {
      const a = symbol.size - 11 + (i % 3);
      const b = Math.floor(i / 3);
      expect(symbol.modules[b][a]).toBe(((info >> i) & 1) === 1);
      expect(symbol.modules[a][b]).toBe(((info >> i) & 1) === 1);
    }
  });
});
