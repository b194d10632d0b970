/**
 * Small hand-drawn SVG charts: no library, no script, readable by screen readers through
 * role="img" and a label that states the figures the picture shows.
 */
const W = 320;
const H = 120;
const PAD = { left: 30, right: 8, top: 8, bottom: 20 };

export interface BarPoint {
  label: string;
  /** Stacked from the bottom: completed, then failed, then the rest. */
  completed: number;
  failed: number;
  other: number;
}

export function BarChart({ title, points }: { title: string; points: BarPoint[] }) {
  const max = Math.max(1, ...points.map((p) => p.completed + p.failed + p.other));
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const step = plotW / Math.max(1, points.length);
  const barW = Math.max(2, step * 0.7);
  const y = (v: number) => PAD.top + plotH - (v / max) * plotH;
  const total = points.reduce((n, p) => n + p.completed + p.failed + p.other, 0);
  const failed = points.reduce((n, p) => n + p.failed, 0);
  return (
    <svg class="chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`${title}: ${total} runs, ${failed} failed`}>
      <Axes max={max} />
      {points.map((p, i) => {
        const x = PAD.left + i * step + (step - barW) / 2;
        const segments: Array<[number, string]> = [
          [p.completed, '#1b6e3a'],
          [p.failed, '#a4161a'],
          [p.other, '#8a96a3'],
        ];
        let base = 0;
        return (
          <g>
            <title>{`${p.label}: ${p.completed} completed, ${p.failed} failed, ${p.other} pending or skipped`}</title>
            {segments.map(([v, color]) => {
              if (v <= 0) return null;
              const rect = <rect x={x.toFixed(1)} y={y(base + v).toFixed(1)} width={barW.toFixed(1)} height={(y(base) - y(base + v)).toFixed(1)} fill={color} />;
              base += v;
              return rect;
            })}
          </g>
        );
      })}
      <XLabels points={points.map((p) => p.label)} step={step} />
    </svg>
  );
}

/** A line of ratios (0..1); a point without data (null) breaks the line. */
export function LineChart({ title, points }: { title: string; points: Array<{ label: string; value: number | null }> }) {
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const step = plotW / Math.max(1, points.length);
  const x = (i: number) => PAD.left + i * step + step / 2;
  const y = (v: number) => PAD.top + plotH - v * plotH;
  const runs: string[] = [];
  let current: string[] = [];
  points.forEach((p, i) => {
    if (p.value === null) {
      if (current.length) runs.push(current.join(' '));
      current = [];
      return;
    }
    current.push(`${x(i).toFixed(1)},${y(p.value).toFixed(1)}`);
  });
  if (current.length) runs.push(current.join(' '));
  const known = points.filter((p) => p.value !== null);
  const last = known.at(-1);
  return (
    <svg class="chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`${title}: ${last ? `latest ${Math.round(last.value! * 100)}%` : 'no runs'}`}>
      <Axes max={1} percent />
      {runs.map((pts) => (
        <polyline points={pts} fill="none" stroke="#0b5cad" stroke-width="2" />
      ))}
      {points.map((p, i) =>
        p.value === null ? null : (
          <circle cx={x(i).toFixed(1)} cy={y(p.value).toFixed(1)} r="2.5" fill="#0b5cad">
            <title>{`${p.label}: ${Math.round(p.value * 100)}%`}</title>
          </circle>
        ),
      )}
      <XLabels points={points.map((p) => p.label)} step={step} />
    </svg>
  );
}

function Axes({ max, percent }: { max: number; percent?: boolean }) {
  const plotH = H - PAD.top - PAD.bottom;
  return (
    <g font-size="9" fill="#4d5661">
      <line x1={PAD.left} y1={PAD.top + plotH} x2={W - PAD.right} y2={PAD.top + plotH} stroke="#8a96a3" />
      <line x1={PAD.left} y1={PAD.top} x2={W - PAD.right} y2={PAD.top} stroke="#e3e7ec" />
      <text x={PAD.left - 4} y={PAD.top + 8} text-anchor="end">
        {percent ? '100%' : String(max)}
      </text>
      <text x={PAD.left - 4} y={PAD.top + plotH} text-anchor="end">
        0
      </text>
    </g>
  );
}

/** First, middle and last labels only: a phone-width chart has no room for more. */
function XLabels({ points, step }: { points: string[]; step: number }) {
  const picks = [...new Set([0, Math.floor((points.length - 1) / 2), points.length - 1])].filter((i) => i >= 0);
  return (
    <g font-size="9" fill="#4d5661">
      {picks.map((i) => (
        <text x={(PAD.left + i * step + step / 2).toFixed(1)} y={H - 6} text-anchor="middle">
          {points[i]}
        </text>
      ))}
    </g>
  );
}
