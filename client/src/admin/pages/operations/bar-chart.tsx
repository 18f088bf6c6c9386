/**
 * A bar chart drawn as SVG (recharts) for sighted users. It is hidden from assistive technology
 * and never focusable: the page shows the same numbers in a table beside it, with a summary in
 * words. Bars carry their values as labels, so no reading depends on colour alone.
 */
import { Bar, BarChart, CartesianGrid, LabelList, Legend, ResponsiveContainer, XAxis, YAxis } from 'recharts';

export interface Series {
  key: string;
  label: string;
}

const fills = ['#1d4f91', '#b35c00', '#2e7d32', '#6a1b9a', '#00695c', '#8d6e63'];

export function OpsBarChart({ data, category, series, stacked = false }: { data: Array<Record<string, string | number>>; category: string; series: Series[]; stacked?: boolean }) {
  return (
    <div className="ops-chart" aria-hidden="true">
      <ResponsiveContainer width="100%" height={240}>
        <BarChart data={data} accessibilityLayer={false} margin={{ top: 16, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey={category} tick={{ fontSize: 12 }} />
          <YAxis allowDecimals={false} tick={{ fontSize: 12 }} width={32} />
          {series.length > 1 && <Legend />}
          {series.map((s, i) => (
            <Bar key={s.key} dataKey={s.key} name={s.label} stackId={stacked ? 'all' : undefined} fill={fills[i % fills.length]} isAnimationActive={false}>
              <LabelList dataKey={s.key} position={stacked ? 'center' : 'top'} fill={stacked ? '#ffffff' : '#1a1a1a'} fontSize={12} />
            </Bar>
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
