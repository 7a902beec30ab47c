import type { ReactNode } from 'react';

export interface Column<Row> {
  header: string;
  cell: (row: Row) => ReactNode;
  /** A number, aligned right; text (a name, a month) otherwise. */
  numeric?: boolean;
  /** The number the cell writes, kept on it as written by the engine (in `data-value`). */
  raw?: (row: Row) => number | undefined;
}

interface FiguresTableProps<Row> {
  caption: string;
  columns: Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  testId: string;
}

/** A chart's numbers as a table: what a screen reader reads, and anyone who wants the figures. */
export function FiguresTable<Row>({ caption, columns, rows, rowKey, testId }: FiguresTableProps<Row>) {
  return (
    <table className="kw-figures" data-testid={testId}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          {columns.map((column) => (
            <th key={column.header} scope="col" className={column.numeric ? 'kw-num' : undefined}>
              {column.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={rowKey(row)} data-row={rowKey(row)}>
            {columns.map((column, i) =>
              i === 0 ? (
                <th key={column.header} scope="row">
                  {column.cell(row)}
                </th>
              ) : (
                <td
                  key={column.header}
                  className={column.numeric ? 'kw-num' : undefined}
                  data-value={column.raw?.(row)}
                >
                  {column.cell(row)}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
