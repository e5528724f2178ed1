import type { JSX } from 'react';
import type { BlockValues } from '../../shared/templates/block';
import type { TemplateDefinition } from '../../shared/templates/definition';
import type { BlockEvaluation } from '../../shared/templates/evaluation';
import { doseResponses, growthCurves, tumourCurves } from '../blocks/charts/chart-data';
import { DoseResponseChart } from '../blocks/charts/DoseResponseChart';
import { GrowthChart } from '../blocks/charts/GrowthChart';

/**
 * The block's charts, drawn by the editor's own chart components (recharts,
 * SVG, animation off) from the same chart data, so the PDF holds the same
 * vector picture. Unlike the editor they are mounted at once: a print has no
 * viewport to wait for.
 */
export function PrintCharts({
  template,
  values,
  evaluation,
}: {
  template: TemplateDefinition;
  values: BlockValues;
  evaluation: BlockEvaluation;
}): JSX.Element | null {
  const growth = growthCurves(template, values, evaluation);
  const tumour = tumourCurves(template, values, evaluation);
  const doses = doseResponses(template, values, evaluation).filter((d) => d.points.length >= 2);
  const charts: JSX.Element[] = [];
  if (growth.reduce((n, s) => n + s.points.length, 0) >= 2) {
    charts.push(<GrowthChart key="growth" title="Viable cells over time" series={growth} yLabel="Cells (log)" log />);
  }
  if (tumour.some((s) => s.points.length >= 2)) {
    charts.push(
      <GrowthChart key="tumour" title="Tumour volume over time" series={tumour} yLabel="Volume (mm³)" log={false} />,
    );
  }
  for (const d of doses) charts.push(<DoseResponseChart key={`dose-${d.label}`} data={d} />);
  if (charts.length === 0) return null;
  return <div className="pr-charts">{charts}</div>;
}
