/**
 * The look of <lp-scatter>: the plot frame's, the theme's class colours on
 * the markers and the legend, the boundary and w, the legend, the tooltip.
 */
import { css } from 'lit';
import { frameStyles } from './plot-styles';

export const scatterStyles = [
  frameStyles,
  css`
    :host { --lp-aspect-ratio: 1; }
    svg.chart { cursor: crosshair; }
    :host([readonly]) svg.chart { cursor: default; }
    /* The theme's colours win over the fill each mark is drawn with (CSS beats SVG presentation attributes). */
    .point.class-0, .legend > svg:nth-of-type(1) > * { fill: var(--_lp-class0); }
    .point.class-1, .legend > svg:nth-of-type(2) > * { fill: var(--_lp-class1); }
    .boundary { stroke: var(--_lp-boundary); stroke-width: 2.5; stroke-dasharray: 7 4; fill: none; }
    .point { stroke: var(--_lp-surface); stroke-width: 0.8; }
    /* The test set: hollow, outlined in its class's colour. */
    .point.test.class-0 { fill: none; stroke: var(--_lp-class0); stroke-width: 1.6; }
    .point.test.class-1 { fill: none; stroke: var(--_lp-class1); stroke-width: 1.6; }
    .hovered { fill: none; stroke: var(--_lp-boundary); stroke-width: 2; }
    .weight { stroke: var(--_lp-boundary); stroke-width: 2; }
    marker path, .legend path.weight { fill: var(--_lp-boundary); }
    .weight-label { font-weight: 600; paint-order: stroke; stroke: var(--_lp-surface); stroke-width: 3px; }
    .legend { position: absolute; display: grid; grid-template-columns: 1.4em auto; gap: 0.1em 0.45em; align-items: center;
      background: color-mix(in srgb, var(--_lp-surface) 88%, transparent); border: 1px solid var(--_lp-border); border-radius: 4px;
      padding: 0.3em 0.5em; font-size: var(--lp-plot-font-size, 0.85em); line-height: 1.2; pointer-events: none; }
    .legend svg { width: 1.4em; height: 1em; overflow: visible; }
    .legend .wide { grid-column: 1 / -1; display: flex; align-items: center; gap: 0.35em; }
    /* The heatmap's ramp as the canvas paints it (see themedRamp): class 0, the surface, class 1. */
    .ramp { display: inline-block; width: 4em; height: 0.7em; border: 1px solid var(--_lp-control-border);
      background: linear-gradient(to right, color-mix(in srgb, var(--_lp-class0) 60%, transparent), var(--_lp-surface),
        color-mix(in srgb, var(--_lp-class1) 60%, transparent)); }
    .tooltip { position: absolute; pointer-events: none; background: var(--_lp-tooltip); color: var(--_lp-on-tooltip); font-size: 0.8em;
      padding: 0.25em 0.5em; border-radius: 4px; white-space: pre; transform: translate(12px, -110%); font-variant-numeric: tabular-nums; z-index: 2; }
    /* In the right half it opens to the left of the cursor, so it stays over the plot. */
    .tooltip.left { transform: translate(calc(-100% - 12px), -110%); }
  `,
];
