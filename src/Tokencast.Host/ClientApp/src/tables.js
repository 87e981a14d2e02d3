// Small helpers shared by the page's tables.

/** Returns a header cell with `text` for `scope` ("col", "colgroup" or "row"), spanning rows and columns. */
export function headerCell(text, scope, rowSpan = 1, colSpan = 1) {
  const cell = document.createElement('th');
  cell.scope = scope;
  cell.rowSpan = rowSpan;
  cell.colSpan = colSpan;
  cell.textContent = text;
  return cell;
}
