import type { JSX } from 'react';
import { CartesianGrid, ComposedChart, Line, ReferenceLine, Scatter, Tooltip, XAxis, YAxis } from 'recharts';
import { formatUnit } from '../../../shared/units';
import { curvePoints, type DoseResponse } from './chart-data';
import { AXIS_STYLE, CHART_SIZE, decades, GRID_STROKE, SERIES_COLOURS, tickNumber } from './chart-style';

/** Measured % viability against dose (log axis) with the fitted 4PL curve and the IC50 marked. */
export function DoseResponseChart({ data }: { data: DoseResponse }): JSX.Element {
  const xs = data.points.map((p) => p.x);
  const ys = data.points.map((p) => p.y);
  const scale = decades(Math.min(...xs), Math.max(...xs));
  const curve = data.fit ? curvePoints(data.fit, scale.domain[0], scale.domain[1]) : [];
  const unit = formatUnit(data.unit);
  const yMax = Math.max(110, ...ys);
  const yMin = Math.min(0, ...ys);
  return (
    <figure className="pb-chart" aria-label="Dose-response curve">
      <figcaption>Dose-response{data.fit ? ' with 4PL fit' : ''}</figcaption>
      <ComposedChart {...CHART_SIZE} margin={{ top: 18, right: 14, bottom: 18, left: 4 }}>
        <CartesianGrid stroke={GRID_STROKE} />
        <XAxis
          type="number"
          dataKey="x"
          scale="log"
          domain={scale.domain}
          ticks={scale.ticks}
          allowDataOverflow
          tick={AXIS_STYLE}
          tickLine={false}
          tickFormatter={tickNumber}
          label={{ value: `Dose (${unit})`, position: 'insideBottom', offset: -10, style: AXIS_STYLE }}
        />
        <YAxis
          type="number"
          dataKey="y"
          domain={[Math.floor(yMin / 10) * 10, Math.ceil(yMax / 10) * 10]}
          tick={AXIS_STYLE}
          tickLine={false}
          width={48}
          label={{
            value: '% viability',
            angle: -90,
            position: 'insideLeft',
            offset: 10,
            style: { ...AXIS_STYLE, textAnchor: 'middle' },
          }}
        />
        <Tooltip
          formatter={(value) => tickNumber(Number(value))}
          labelFormatter={(x) => `${tickNumber(Number(x))} ${unit}`}
        />
        {data.fit && (
          <ReferenceLine
            x={data.fit.ic50}
            stroke="#b5832a"
            strokeDasharray="4 3"
            label={{ value: 'IC50', position: 'top', style: { ...AXIS_STYLE, fill: '#8a6420' } }}
          />
        )}
        {curve.length > 0 && (
          <Line
            data={curve}
            dataKey="y"
            name="4PL fit"
            stroke={SERIES_COLOURS[0]}
            strokeWidth={2}
            dot={false}
            isAnimationActive={false}
          />
        )}
        <Scatter data={data.points} dataKey="y" name="Measured" fill="#1d2125" isAnimationActive={false} />
      </ComposedChart>
    </figure>
  );
}
