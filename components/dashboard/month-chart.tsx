import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface ChartSeries {
  label: string;
  /** One value a month; null where there is nothing to show (no reply that month). */
  values: (number | null)[];
  color: string;
  /** Bars beside the month's tick: -1 left of it, 1 right of it; a line without. */
  bars?: -1 | 1;
}

interface MonthChartProps {
  /** The months' names, oldest first. */
  labels: string[];
  /** What the legend calls the month under the cursor. */
  monthLabel: string;
  series: ChartSeries[];
  /** How a value reads on the vertical axis and in the legend. */
  format: (value: number) => string;
}

const HEIGHT = 220;
const AXIS = '#80868b';
const GRID = 'rgba(127, 127, 127, 0.2)';

function options(props: MonthChartProps, width: number): uPlot.Options {
  const { labels, monthLabel, series, format } = props;
  const bars = uPlot.paths.bars;
  return {
    width,
    height: HEIGHT,
    // Months are slots, not instants: an index scale keeps each month's bars on its own tick.
    scales: {
      x: { time: false, range: [-0.5, labels.length - 0.5] },
      y: { range: (_u, _min, max) => [0, max > 0 ? max * 1.1 : 1] },
    },
    axes: [
      {
        stroke: AXIS,
        grid: { show: false },
        splits: () => labels.map((_, i) => i),
        values: (_u, splits) => splits.map((i) => labels[i] ?? ''),
      },
      { stroke: AXIS, grid: { stroke: GRID }, size: 64, values: (_u, splits) => splits.map(format) },
    ],
    cursor: { drag: { x: false, y: false } },
    series: [
      { label: monthLabel, value: (_u, i) => (i === null ? '—' : (labels[i] ?? '—')) },
      ...series.map(
        (s): uPlot.Series => ({
          label: s.label,
          stroke: s.color,
          width: s.bars ? 1 : 2,
          value: (_u, v) => (v === null || v === undefined ? '—' : format(v)),
          ...(s.bars && bars
            ? { fill: `${s.color}b3`, paths: bars({ size: [0.35, 40], align: s.bars }), points: { show: false } }
            : { points: { show: true, size: 6 } }),
        }),
      ),
    ],
  };
}

/**
 * The chart of a dashboard section, drawn by uPlot on a canvas. Hidden from
 * screen readers: the section's table beside it carries the same numbers.
 */
export function MonthChart({ labels, monthLabel, series, format }: MonthChartProps) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const data: uPlot.AlignedData = [labels.map((_, i) => i), ...series.map((s) => s.values)];
    const plot = new uPlot(options({ labels, monthLabel, series, format }, element.clientWidth || 600), data, element);
    const resize = new ResizeObserver(() => plot.setSize({ width: element.clientWidth || 600, height: HEIGHT }));
    resize.observe(element);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [labels, monthLabel, series, format]);
  return <div className="kw-chart" ref={box} aria-hidden="true" />;
}
