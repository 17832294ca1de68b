/**
 * The look of the plot frame (plot-frame.ts) for every plot's `static
 * styles`: the theme, the canvas under the SVG, text at the page's size
 * (or --lp-plot-font-size), axes in the text's colour.
 */
import { css } from 'lit';
import { themeStyles } from './theme';

/** The frame's look, for every host's `static styles`: the theme, the canvas under the SVG, text at the page's size. */
export const frameStyles = [
  themeStyles,
  css`
  /* Sized by the page; alone, as wide as its container and as tall as its aspect ratio says. */
  :host { display: block; position: relative; min-width: 0; min-height: 0; aspect-ratio: var(--lp-aspect-ratio, 1); }
  .frame { position: relative; width: 100%; height: 100%; }
  canvas.raster, svg.chart { position: absolute; inset: 0; width: 100%; height: 100%; }
  svg.chart { overflow: visible; font-size: var(--lp-plot-font-size, 0.85em); }
  /* D3 writes font-size="10" on each axis: the page's text size wins. */
  .axis { font: inherit; }
  .axis text { fill: currentColor; }
  .axis path, .axis line { stroke: currentColor; }
  .axis-label { font-size: 1.08em; fill: currentColor; }
  /* SVG text is black unless told: the theme's text colour, below any rule of a figure's own. */
  :where(svg.chart text) { fill: currentColor; }
`,
];
