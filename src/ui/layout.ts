// How the table's panels share the screen: designed for exactly 80×24 (23 usable lines, the last one left for
// the cursor), with extra rows and columns handed out when the terminal is larger.

export interface TableLayout {
  /** Rows of map under its heading. */
  mapRows: number;
  /** Rows of the parties / offers band under its heading. */
  bandRows: number;
  /** Rows of latest moves under its heading. */
  movesRows: number;
  cablesRows: number;
  newsRows: number;
  /** Width of the parties column; the offers column takes the rest. */
  leftWidth: number;
  rightWidth: number;
  /** Rows for a full-body view (builder, offers, signing, lists) between the header and the status line. */
  bodyRows: number;
}

/** Header (2) + status (1) + key bar (1). */
export const CHROME_ROWS = 4;

/** `map`: whether the scenario has territories to draw; without them the map and its heading give their rows away. */
export function tableLayout(width: number, height: number, parties: number, map = true): TableLayout {
  const bodyRows = Math.max(4, height - CHROME_ROWS);
  const leftWidth = Math.max(44, Math.floor(width * 0.56));
  const rightWidth = width - leftWidth - 1;
  const others = Math.max(1, parties - 1);
  // Headings: map, band, moves, cables, news.
  let spare = bodyRows - (map ? 5 : 4);
  const extra = Math.max(0, bodyRows - 19);
  const mapRows = map ? Math.max(1, Math.min(extra >= 3 ? 4 : 3, spare - 5)) : 0;
  spare -= mapRows;
  // Keep one row each for moves, cables and news.
  const bandRows = Math.max(1, Math.min(Math.max(parties, 4), spare - 3));
  spare -= bandRows;
  const movesRows = Math.max(1, Math.min(others, spare - 2));
  spare -= movesRows;
  const newsRows = Math.max(1, Math.floor(spare * 0.4));
  const cablesRows = Math.max(1, spare - newsRows);
  return { mapRows, bandRows, movesRows, cablesRows, newsRows, leftWidth, rightWidth, bodyRows };
}
