/**
 * A table of the back office: caption, column headers, a row header per row, inside a named,
 * focusable region that scrolls sideways on its own at 320 px (the page never does).
 */
import type { ReactNode } from 'react';

export interface Column<T> {
  header: ReactNode;
  cell(row: T): ReactNode;
  /** This column's cells name their rows (`<th scope="row">`). */
  rowHeader?: boolean;
  className?: string;
}

interface DataTableProps<T> {
  caption: ReactNode;
  /** The scrolling region's accessible name. */
  label: string;
  columns: ReadonlyArray<Column<T>>;
  rows: readonly T[];
  rowKey(row: T): string;
}

export function DataTable<T>({ caption, label, columns, rows, rowKey }: DataTableProps<T>) {
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      <table className="data-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column, i) => (
              <th key={i} scope="col" className={column.className}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((column, i) =>
                column.rowHeader ? (
                  <th key={i} scope="row" className={column.className}>
                    {column.cell(row)}
                  </th>
                ) : (
                  <td key={i} className={column.className}>
                    {column.cell(row)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
