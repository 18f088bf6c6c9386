/** A record shown read-only: term and value pairs, the way the citizen's pages show facts. */
export function Facts({ rows }: { rows: Array<[string, string | undefined]> }) {
  return (
    <dl className="facts">
      {rows.map(([term, value]) => (
        <div className="facts__row" key={term}>
          <dt>{term}</dt>
          <dd>{value === undefined || value === '' ? '—' : value}</dd>
        </div>
      ))}
    </dl>
  );
}
