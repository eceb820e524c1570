// A learning path as CSV (RFC 4180, UTF-8 with a byte-order mark so spreadsheet programs
// read the Chinese right), and the download of a text file.

/** One CSV field, quoted when it holds a comma, a quote or a line break. */
export function csvField(value) {
  const text = value === null || value === undefined ? "" : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Rows (arrays of fields) as CSV text with CRLF line ends and a leading BOM. */
export function toCsv(rows) {
  return `\uFEFF${rows.map((row) => row.map(csvField).join(",")).join("\r\n")}\r\n`;
}

/**
 * The rows of a path: a header, then one row per item in stage order.
 * @param {{stages: Array<Array<{node: {iri: string, label: string, kind: string}, stage: number,
 *   requires: string[], taught_by: Array<{label: string}>, resources: Array<{label: string}>,
 *   alternatives: Array<{label: string}>}>>}} path the API's answer.
 * @param {string[]} header the column names (8) in the page's language.
 * @param {(kind: string) => string} kindName a kind's name in the page's language.
 * @param {string} [inferredMark] put after an inferred course (`taught_by_inferred`, listed
 *   when an item has no `taught_by`).
 */
export function pathRows(path, header, kindName, inferredMark = " (inferred)") {
  const items = path.stages.flat();
  const labels = new Map(items.map((i) => [i.node.iri, i.node.label]));
  const names = (refs) => refs.map((r) => r.label).join("; ");
  return [
    header,
    ...items.map((i) => [
      i.stage + 1,
      kindName(i.node.kind),
      i.node.label,
      i.node.iri,
      i.requires.map((r) => labels.get(r) ?? r).join("; "),
      i.taught_by.length
        ? names(i.taught_by)
        : (i.taught_by_inferred ?? []).map((r) => `${r.label}${inferredMark}`).join("; "),
      names(i.resources),
      names(i.alternatives),
    ]),
  ];
}

/** Offer `text` to the user as a file named `filename`. */
export function download(filename, text, type = "text/csv;charset=utf-8") {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
