import writeXlsxFile, { type Row } from 'write-excel-file/node';
import { textLength } from '../../../src/domain/community-rules';
import type { Sheet } from '../../../src/domain/exports';

export const spreadsheetContentType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Wide enough for the longest cell of each column (a CJK character counts twice), within reason. */
function columnWidths(rows: Sheet['rows']): { width: number }[] {
  const widths: number[] = [];
  for (const row of rows)
    row.forEach((cell, index) => {
      const text = String(cell);
      const cjk = Array.from(text).filter((character) => character.charCodeAt(0) > 0x2e7f).length;
      widths[index] = Math.max(widths[index] ?? 6, Math.min(60, textLength(text) + cjk + 2));
    });
  return widths.map((width) => ({ width }));
}

function sheetData(sheet: Sheet): Row[] {
  const [header = [], ...body] = sheet.rows;
  return [
    header.map((value) => ({ value, fontWeight: 'bold' as const })),
    ...body.map((row) => row.map((value) => ({ value }))),
  ];
}

/**
 * One sheet as an .xlsx file (write-excel-file: text stays UTF-8 inside the file's XML, so Excel and
 * WPS show Chinese as it is). The header row is bold and stays on top while scrolling.
 */
export function writeSpreadsheet(sheet: Sheet): Promise<Buffer> {
  return writeXlsxFile(sheetData(sheet), {
    sheet: sheet.name,
    columns: columnWidths(sheet.rows),
    stickyRowsCount: 1,
  }).toBuffer();
}

/** Several sheets in one file, each like `writeSpreadsheet`'s (names must differ). */
export function writeWorkbook(sheets: Sheet[]): Promise<Buffer> {
  return writeXlsxFile(
    sheets.map((sheet) => ({
      data: sheetData(sheet),
      sheet: sheet.name,
      columns: columnWidths(sheet.rows),
      stickyRowsCount: 1,
    })),
  ).toBuffer();
}
