import { type JSX, memo, useDeferredValue, useMemo } from 'react';
import type { BlockValues } from '../../../shared/templates/block';
import type { TemplateDefinition } from '../../../shared/templates/definition';
import type { BlockEvaluation } from '../../../shared/templates/evaluation';
import { ChartSlot } from './ChartSlot';
import { doseResponses, growthCurves, tumourCurves } from './chart-data';
import { DoseResponseChart } from './DoseResponseChart';
import { GrowthChart } from './GrowthChart';

interface Props {
  template: TemplateDefinition;
  values: BlockValues;
  evaluation: BlockEvaluation;
}

/**
 * Charts drawn from a block's own tables, as SVG (vector in the PDF too):
 * growth curves (log counts over days) for timepoint tables, the dose-response
 * points with the fitted 4PL curve, and tumour volume over time.
 */
export const BlockCharts = memo(function BlockCharts({
  template,
  values: typed,
  evaluation,
}: Props): JSX.Element | null {
  // Charts follow a moment after typing, like the evaluation they draw from.
  const values = useDeferredValue(typed);
  const growth = useMemo(() => growthCurves(template, values, evaluation), [template, values, evaluation]);
  const tumour = useMemo(() => tumourCurves(template, values, evaluation), [template, values, evaluation]);
  const doses = useMemo(() => doseResponses(template, values, evaluation), [template, values, evaluation]);
  const growthPoints = growth.reduce((n, s) => n + s.points.length, 0);
  const charts = [
    growthPoints >= 2 ? (
      <ChartSlot key="growth" caption="Viable cells over time" label="Viable cells over time">
        <GrowthChart title="Viable cells over time" series={growth} yLabel="Cells (log)" log />
      </ChartSlot>
    ) : null,
    tumour.some((s) => s.points.length >= 2) ? (
      <ChartSlot key="tumour" caption="Tumour volume over time" label="Tumour volume over time">
        <GrowthChart title="Tumour volume over time" series={tumour} yLabel="Volume (mm³)" log={false} />
      </ChartSlot>
    ) : null,
    ...doses
      .filter((d) => d.points.length >= 2)
      .map((d) => (
        <ChartSlot key={d.label} caption={`Dose-response${d.fit ? ' with 4PL fit' : ''}`} label="Dose-response curve">
          <DoseResponseChart data={d} />
        </ChartSlot>
      )),
  ].filter(Boolean);
  if (charts.length === 0) return null;
  return (
    <div className="pb-charts" aria-label="Charts">
      {charts}
    </div>
  );
});
