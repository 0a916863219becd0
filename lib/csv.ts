/**
 * Whether a spreadsheet could read the text as a formula: =, +, - or @ first, also after leading
 * blanks or line breaks (spreadsheets skip them) and in fullwidth or small forms (＝, ﹢), or a
 * tab, CR or LF first.
 */
function looksLikeFormula(text: string): boolean {
  if (/^[\t\r\n]/.test(text)) return true;
  const first = text.replace(/^[\s\p{Zs}\u200b\ufeff]+/u, '').slice(0, 2).normalize('NFKC');
  return /^[=+\-@]/.test(first);
}

/**
 * RFC 4180 CSV. Text cells that a spreadsheet would run as a formula get a leading apostrophe:
 * exports hold user-controlled strings such as end-user names.
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text: string;
  if (typeof value === 'number') text = Number.isFinite(value) ? String(value) : '';
  else if (typeof value === 'boolean') text = value ? 'true' : 'false';
  else if (typeof value === 'object') text = JSON.stringify(value);
  else {
    text = String(value);
    if (looksLikeFormula(text)) text = `'${text}`;
  }
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: unknown[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}

/** Streams rows as CSV in chunks, with a BOM so spreadsheets read UTF-8 (Japanese names, €). */
export function csvStream(columns: string[], rows: Record<string, unknown>[], chunkRows = 1_000): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let index = 0;
  let headerSent = false;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(`\uFEFF${csvLine(columns)}`));
        return;
      }
      if (index >= rows.length) {
        controller.close();
        return;
      }
      let chunk = '';
      for (const end = Math.min(rows.length, index + chunkRows); index < end; index++) {
        const row = rows[index]!;
        chunk += csvLine(columns.map((c) => row[c]));
      }
      controller.enqueue(encoder.encode(chunk));
    },
  });
}
