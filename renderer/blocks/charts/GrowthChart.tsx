import type { JSX } from 'react';
import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { Series } from './chart-data';
import { AXIS_STYLE, CHART_SIZE, decades, GRID_STROKE, SERIES_COLOURS, tickNumber } from './chart-style';

interface Props {
  title: string;
  series: Series[];
  yLabel: string;
  /** Counts span decades: log scale; tumour volumes read better linear. */
  log: boolean;
}

/** Values over days, one line per series (treated and vehicle, or one per arm). */
export function GrowthChart({ title, series, yLabel, log }: Props): JSX.Element {
  const ys = series.flatMap((s) => s.points.map((p) => p.y)).filter((y) => !log || y > 0);
  const xs = series.flatMap((s) => s.points.map((p) => p.x));
  const scale = log && ys.length > 0 ? decades(Math.min(...ys), Math.max(...ys)) : null;
  return (
    <figure className="pb-chart" aria-label={title}>
      <figcaption>{title}</figcaption>
      <LineChart {...CHART_SIZE} margin={{ top: 6, right: 14, bottom: 18, left: 4 }}>
        <CartesianGrid stroke={GRID_STROKE} />
        <XAxis
          type="number"
          dataKey="x"
          domain={[Math.min(0, ...xs), Math.max(1, ...xs)]}
          tick={AXIS_STYLE}
          tickLine={false}
          label={{ value: 'Day', position: 'insideBottom', offset: -10, style: AXIS_STYLE }}
          allowDuplicatedCategory={false}
        />
        <YAxis
          type="number"
          dataKey="y"
          scale={scale ? 'log' : 'linear'}
          domain={scale ? scale.domain : [0, 'auto']}
          ticks={scale?.ticks}
          allowDataOverflow={Boolean(scale)}
          tick={AXIS_STYLE}
          tickLine={false}
          tickFormatter={tickNumber}
          width={58}
          label={{
            value: yLabel,
            angle: -90,
            position: 'insideLeft',
            offset: 10,
            style: { ...AXIS_STYLE, textAnchor: 'middle' },
          }}
        />
        <Tooltip formatter={(value) => tickNumber(Number(value))} labelFormatter={(x) => `Day ${String(x)}`} />
        <Legend verticalAlign="top" height={22} iconSize={10} wrapperStyle={{ fontSize: 11.5 }} />
        {series.map((s, i) => (
          <Line
            key={s.name}
            data={s.points}
            dataKey="y"
            name={s.name}
            stroke={SERIES_COLOURS[i % SERIES_COLOURS.length]}
            strokeWidth={2}
            dot={{ r: 3, strokeWidth: 0, fill: SERIES_COLOURS[i % SERIES_COLOURS.length] }}
            isAnimationActive={false}
          />
        ))}
      </LineChart>
    </figure>
  );
}
