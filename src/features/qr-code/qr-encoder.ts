/**
 * A QR code encoder (ISO/IEC 18004), as small as our check-in tokens allow: byte mode, error
 * correction level M, versions 1 to 10 (up to 213 bytes). Plain TypeScript, drawn by the caller.
 */

/** Per version (index 0 = version 1): error correction codewords per block, and the blocks' data codewords. */
const levelMBlocks: readonly { ecPerBlock: number; dataPerBlock: readonly number[] }[] = [
  { ecPerBlock: 10, dataPerBlock: [16] },
  { ecPerBlock: 16, dataPerBlock: [28] },
  { ecPerBlock: 26, dataPerBlock: [44] },
  { ecPerBlock: 18, dataPerBlock: [32, 32] },
  { ecPerBlock: 24, dataPerBlock: [43, 43] },
  { ecPerBlock: 16, dataPerBlock: [27, 27, 27, 27] },
  { ecPerBlock: 18, dataPerBlock: [31, 31, 31, 31] },
  { ecPerBlock: 22, dataPerBlock: [38, 38, 39, 39] },
  { ecPerBlock: 22, dataPerBlock: [36, 36, 36, 37, 37] },
  { ecPerBlock: 26, dataPerBlock: [43, 43, 43, 43, 44] },
];

/** Centres of the alignment patterns per version (index 0 = version 1, which has none). */
const alignmentCentres: readonly (readonly number[])[] = [
  [],
  [6, 18],
  [6, 22],
  [6, 26],
  [6, 30],
  [6, 34],
  [6, 22, 38],
  [6, 24, 42],
  [6, 26, 46],
  [6, 28, 50],
];

export const qrMaxVersion = levelMBlocks.length;

/** Level M's two format bits (L = 01, M = 00, Q = 11, H = 10). */
const levelMFormatBits = 0b00;

export interface QrSymbol {
  version: number;
  mask: number;
  size: number;
  /** modules[row][column]: true is dark. */
  modules: boolean[][];
}

export class QrTooLongError extends Error {
  constructor(bytes: number) {
    super(`二维码内容太长（${bytes} 字节）`);
    this.name = 'QrTooLongError';
  }
}

// --- GF(256) with the QR polynomial x^8 + x^4 + x^3 + x^2 + 1 ---

const exp = new Uint8Array(512);
const log = new Uint8Array(256);
{
  let value = 1;
  for (let power = 0; power < 255; power++) {
    exp[power] = value;
    log[value] = power;
    value <<= 1;
    if (value & 0x100) value ^= 0x11d;
  }
  for (let power = 255; power < 512; power++) exp[power] = exp[power - 255];
}

function multiply(a: number, b: number): number {
  return a === 0 || b === 0 ? 0 : exp[log[a] + log[b]];
}

/** The generator polynomial (x - α^0)(x - α^1)...(x - α^(degree-1)), highest coefficient (1) left out. */
function generatorPolynomial(degree: number): number[] {
  let coefficients = [1];
  for (let root = 0; root < degree; root++) {
    const next = new Array<number>(coefficients.length + 1).fill(0);
    for (let i = 0; i < coefficients.length; i++) {
      next[i] ^= coefficients[i];
      next[i + 1] ^= multiply(coefficients[i], exp[root]);
    }
    coefficients = next;
  }
  return coefficients.slice(1);
}

/** Reed-Solomon error correction codewords: the remainder of data(x)·x^n divided by the generator. */
export function reedSolomonCodewords(data: readonly number[], ecCount: number): number[] {
  const generator = generatorPolynomial(ecCount);
  const remainder = new Array<number>(ecCount).fill(0);
  for (const codeword of data) {
    const factor = codeword ^ remainder.shift()!;
    remainder.push(0);
    for (let i = 0; i < ecCount; i++) remainder[i] ^= multiply(generator[i], factor);
  }
  return remainder;
}

// --- Data codewords ---

function utf8Bytes(text: string): number[] {
  const bytes: number[] = [];
  for (const character of text) {
    const point = character.codePointAt(0)!;
    if (point < 0x80) bytes.push(point);
    else if (point < 0x800) bytes.push(0xc0 | (point >> 6), 0x80 | (point & 63));
    else if (point < 0x10000)
      bytes.push(0xe0 | (point >> 12), 0x80 | ((point >> 6) & 63), 0x80 | (point & 63));
    else
      bytes.push(
        0xf0 | (point >> 18),
        0x80 | ((point >> 12) & 63),
        0x80 | ((point >> 6) & 63),
        0x80 | (point & 63),
      );
  }
  return bytes;
}

function dataCapacity(version: number): number {
  return levelMBlocks[version - 1].dataPerBlock.reduce((sum, count) => sum + count, 0);
}

/** Versions 1-9 count bytes in 8 bits, 10 and up in 16. */
function countBits(version: number): number {
  return version < 10 ? 8 : 16;
}

/** The smallest version whose level M holds these bytes (mode 4 bits, count, data). */
export function smallestVersion(byteCount: number): number {
  for (let version = 1; version <= qrMaxVersion; version++) {
    if (4 + countBits(version) + 8 * byteCount <= 8 * dataCapacity(version)) return version;
  }
  throw new QrTooLongError(byteCount);
}

/** Mode 0100 (byte), the count, the bytes, a terminator of up to 4 zeros, zeros to a byte, then 0xEC 0x11 pads. */
export function dataCodewords(bytes: readonly number[], version: number): number[] {
  const bits: number[] = [];
  const append = (value: number, length: number) => {
    for (let i = length - 1; i >= 0; i--) bits.push((value >>> i) & 1);
  };
  append(0b0100, 4);
  append(bytes.length, countBits(version));
  for (const byte of bytes) append(byte, 8);
  const capacityBits = 8 * dataCapacity(version);
  append(0, Math.min(4, capacityBits - bits.length));
  append(0, (8 - (bits.length % 8)) % 8);
  const codewords: number[] = [];
  for (let i = 0; i < bits.length; i += 8) {
    codewords.push(bits.slice(i, i + 8).reduce((byte, bit) => (byte << 1) | bit, 0));
  }
  for (let pad = 0xec; codewords.length < capacityBits / 8; pad ^= 0xec ^ 0x11) codewords.push(pad);
  return codewords;
}

/** Splits data into the version's blocks, adds each block's error correction, and interleaves. */
export function finalCodewords(data: readonly number[], version: number): number[] {
  const { ecPerBlock, dataPerBlock } = levelMBlocks[version - 1];
  const blocks: number[][] = [];
  let offset = 0;
  for (const count of dataPerBlock) {
    blocks.push(data.slice(offset, offset + count));
    offset += count;
  }
  const ecBlocks = blocks.map((block) => reedSolomonCodewords(block, ecPerBlock));
  const result: number[] = [];
  const longest = Math.max(...dataPerBlock);
  for (let i = 0; i < longest; i++) {
    for (const block of blocks) if (i < block.length) result.push(block[i]);
  }
  for (let i = 0; i < ecPerBlock; i++) for (const block of ecBlocks) result.push(block[i]);
  return result;
}

// --- Format and version information (BCH codes) ---

/** 15 bits: level and mask, BCH(15,5) with generator 10100110111, masked with 101010000010010. */
export function formatInformation(mask: number, levelBits = levelMFormatBits): number {
  const data = (levelBits << 3) | mask;
  let remainder = data;
  for (let i = 0; i < 10; i++) remainder = (remainder << 1) ^ ((remainder >> 9) * 0x537);
  return ((data << 10) | (remainder & 0x3ff)) ^ 0x5412;
}

/** 18 bits for versions 7 and up: the version, BCH(18,6) with generator 1111100100101. */
export function versionInformation(version: number): number {
  let remainder = version;
  for (let i = 0; i < 12; i++) remainder = (remainder << 1) ^ ((remainder >> 11) * 0x1f25);
  return (version << 12) | (remainder & 0xfff);
}

// --- The matrix ---

class Matrix {
  readonly modules: boolean[][];
  /** Function patterns and format areas: masks and data leave them alone. */
  readonly reserved: boolean[][];

  constructor(readonly size: number) {
    this.modules = Array.from({ length: size }, () => new Array<boolean>(size).fill(false));
    this.reserved = Array.from({ length: size }, () => new Array<boolean>(size).fill(false));
  }

  setFunction(row: number, column: number, dark: boolean): void {
    this.modules[row][column] = dark;
    this.reserved[row][column] = true;
  }
}

function drawFinder(matrix: Matrix, top: number, left: number): void {
  // The 7x7 pattern and its light separator.
  for (let dr = -1; dr <= 7; dr++) {
    for (let dc = -1; dc <= 7; dc++) {
      const row = top + dr;
      const column = left + dc;
      if (row < 0 || column < 0 || row >= matrix.size || column >= matrix.size) continue;
      const ring = Math.max(Math.abs(dr - 3), Math.abs(dc - 3));
      matrix.setFunction(row, column, ring !== 2 && ring !== 4);
    }
  }
}

function drawFunctionPatterns(matrix: Matrix, version: number): void {
  const { size } = matrix;
  for (let i = 0; i < size; i++) {
    matrix.setFunction(6, i, i % 2 === 0);
    matrix.setFunction(i, 6, i % 2 === 0);
  }
  drawFinder(matrix, 0, 0);
  drawFinder(matrix, 0, size - 7);
  drawFinder(matrix, size - 7, 0);
  const centres = alignmentCentres[version - 1];
  for (const row of centres) {
    for (const column of centres) {
      const onFinder =
        (row === 6 && column === 6) ||
        (row === 6 && column === centres[centres.length - 1]) ||
        (row === centres[centres.length - 1] && column === 6);
      if (onFinder) continue;
      for (let dr = -2; dr <= 2; dr++) {
        for (let dc = -2; dc <= 2; dc++) {
          matrix.setFunction(row + dr, column + dc, Math.max(Math.abs(dr), Math.abs(dc)) !== 1);
        }
      }
    }
  }
  // Reserve the format areas now (drawn per mask later) and draw the version, which no mask changes.
  drawFormat(matrix, 0);
  if (version >= 7) {
    const bits = versionInformation(version);
    for (let i = 0; i < 18; i++) {
      const dark = ((bits >> i) & 1) === 1;
      const a = size - 11 + (i % 3);
      const b = Math.floor(i / 3);
      matrix.setFunction(b, a, dark);
      matrix.setFunction(a, b, dark);
    }
  }
}

/** Both copies of the format information, and the dark module beside the lower-left finder. */
function drawFormat(matrix: Matrix, mask: number): void {
  const { size } = matrix;
  const bits = formatInformation(mask);
  const bit = (i: number) => ((bits >> i) & 1) === 1;
  for (let i = 0; i <= 5; i++) matrix.setFunction(i, 8, bit(i));
  matrix.setFunction(7, 8, bit(6));
  matrix.setFunction(8, 8, bit(7));
  matrix.setFunction(8, 7, bit(8));
  for (let i = 9; i < 15; i++) matrix.setFunction(8, 14 - i, bit(i));
  for (let i = 0; i < 8; i++) matrix.setFunction(8, size - 1 - i, bit(i));
  for (let i = 8; i < 15; i++) matrix.setFunction(size - 15 + i, 8, bit(i));
  matrix.setFunction(size - 8, 8, true);
}

/** Codeword bits, most significant first, up and down two-module columns from the bottom right (column 6 is timing). */
function placeCodewords(matrix: Matrix, codewords: readonly number[]): void {
  const { size } = matrix;
  const totalBits = codewords.length * 8;
  let index = 0;
  for (let right = size - 1; right >= 1; right -= 2) {
    if (right === 6) right = 5;
    const upward = ((right + 1) & 2) === 0;
    for (let step = 0; step < size; step++) {
      for (let j = 0; j < 2; j++) {
        const column = right - j;
        const row = upward ? size - 1 - step : step;
        if (matrix.reserved[row][column]) continue;
        if (index < totalBits) {
          matrix.modules[row][column] = ((codewords[index >>> 3] >>> (7 - (index & 7))) & 1) === 1;
          index++;
        }
        // Remainder bits stay light.
      }
    }
  }
}

/** The eight data masks of the standard: where the condition holds, a data module is inverted. */
export const maskConditions: readonly ((row: number, column: number) => boolean)[] = [
  (r, c) => (r + c) % 2 === 0,
  (r) => r % 2 === 0,
  (_r, c) => c % 3 === 0,
  (r, c) => (r + c) % 3 === 0,
  (r, c) => (Math.floor(r / 2) + Math.floor(c / 3)) % 2 === 0,
  (r, c) => ((r * c) % 2) + ((r * c) % 3) === 0,
  (r, c) => (((r * c) % 2) + ((r * c) % 3)) % 2 === 0,
  (r, c) => (((r + c) % 2) + ((r * c) % 3)) % 2 === 0,
];

function applyMask(matrix: Matrix, mask: number): void {
  const condition = maskConditions[mask];
  for (let row = 0; row < matrix.size; row++) {
    for (let column = 0; column < matrix.size; column++) {
      if (!matrix.reserved[row][column] && condition(row, column)) {
        matrix.modules[row][column] = !matrix.modules[row][column];
      }
    }
  }
}

const penaltyWeights = { run: 3, block: 3, finderLike: 40, balance: 10 } as const;

/** 1011101 with four light modules on one side; outside the symbol counts as light (the quiet zone). */
function finderLikeCount(line: readonly boolean[]): number {
  const at = (i: number) => i >= 0 && i < line.length && line[i];
  const core = [true, false, true, true, true, false, true];
  let count = 0;
  for (let start = -4; start < line.length + 4; start++) {
    if (!core.every((dark, k) => at(start + k) === dark)) continue;
    const lightBefore = [1, 2, 3, 4].every((k) => !at(start - k));
    const lightAfter = [7, 8, 9, 10].every((k) => !at(start + k));
    if (lightBefore) count++;
    if (lightAfter) count++;
  }
  return count;
}

/**
 * The mask penalty of the standard: N1 = 3 (+1 per module) for a run of five or more of one colour
 * in a row or column, N2 = 3 per 2x2 block of one colour, N3 = 40 per 1:1:3:1:1 finder-like
 * pattern beside four light modules, N4 = 10 per 5 % the dark share is away from 50 %.
 */
export function maskPenalty(modules: readonly (readonly boolean[])[]): number {
  const size = modules.length;
  let penalty = 0;
  const lines: boolean[][] = [];
  for (let i = 0; i < size; i++) {
    lines.push([...modules[i]]);
    lines.push(modules.map((row) => row[i]));
  }
  for (const line of lines) {
    let run = 1;
    for (let i = 1; i <= line.length; i++) {
      if (i < line.length && line[i] === line[i - 1]) {
        run++;
        continue;
      }
      if (run >= 5) penalty += penaltyWeights.run + (run - 5);
      run = 1;
    }
    penalty += penaltyWeights.finderLike * finderLikeCount(line);
  }
  for (let row = 0; row < size - 1; row++) {
    for (let column = 0; column < size - 1; column++) {
      const colour = modules[row][column];
      if (
        modules[row][column + 1] === colour &&
        modules[row + 1][column] === colour &&
        modules[row + 1][column + 1] === colour
      ) {
        penalty += penaltyWeights.block;
      }
    }
  }
  const dark = modules.reduce((sum, row) => sum + row.filter(Boolean).length, 0);
  const percent = (dark * 100) / (size * size);
  penalty += penaltyWeights.balance * Math.floor(Math.abs(percent - 50) / 5);
  return penalty;
}

/**
 * The symbol for `text` (UTF-8, byte mode, level M) in the smallest version, with the mask of least
 * penalty, or with `onlyMask` (to compare the masks).
 */
export function encodeQr(text: string, onlyMask?: number): QrSymbol {
  const bytes = utf8Bytes(text);
  const version = smallestVersion(bytes.length);
  const codewords = finalCodewords(dataCodewords(bytes, version), version);
  const size = version * 4 + 17;
  let best: QrSymbol | null = null;
  let bestPenalty = Number.POSITIVE_INFINITY;
  for (let mask = 0; mask < 8; mask++) {
    if (onlyMask !== undefined && mask !== onlyMask) continue;
    const matrix = new Matrix(size);
    drawFunctionPatterns(matrix, version);
    placeCodewords(matrix, codewords);
    applyMask(matrix, mask);
    drawFormat(matrix, mask);
    const penalty = maskPenalty(matrix.modules);
    if (penalty < bestPenalty) {
      bestPenalty = penalty;
      best = { version, mask, size, modules: matrix.modules };
    }
  }
  return best!;
}
