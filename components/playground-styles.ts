/**
 * The playground's layout: a bar of buttons on top; the controls on the
 * left; messages, the scatter and the cost surface, the loss chart (or the
 * ROC curve in its place) and the readouts on the right. The element fills the height it is given and the
 * plots take what the rest leaves, so nothing scrolls. One factor,
 * --lp-scale, sizes every text (ticks and readouts included): presentation
 * mode sets it to 1.25.
 */
import { css } from 'lit';
import { themeStyles } from './theme';

export const playgroundStyles = [
  themeStyles,
  css`
  :host {
    display: block; box-sizing: border-box; height: var(--lp-height, 100%); min-height: 30em;
    font-family: var(--lp-font-family, system-ui, sans-serif);
    --lp-scale: 1;
    /* 14.7px on a 1280 laptop, 18.5px on a 1920 projector (or the page's --lp-font-size); presentation mode multiplies it. */
    font-size: calc(var(--lp-font-size, clamp(14px, 0.6vw + 7px, 19px)) * var(--lp-scale));
  }
  :host([presentation]) { --lp-scale: 1.25; }
  /* A lecture needs the room more than the hints on how to use the controls. */
  :host([presentation]) { --_lp-usage-hints: none; }
  :host([presentation]) .adapter { display: none; }
  .root { display: grid; grid-template-rows: auto minmax(0, 1fr); gap: 0.45em; height: 100%; }
  /* What the user does (and what it did, the status) on the left; the engine and the page's own buttons on the right. */
  .bar, .bar div { display: flex; flex-wrap: wrap; gap: 0.4em 0.6em; align-items: center; }
  /* The buttons stay on one row; what is left of it goes to the status. */
  .bar > .doing { flex: 1 1 0; }
  .bar .actions { flex-wrap: nowrap; min-width: max-content; }
  .bar .actions > * { flex: none; }
  .bar > .about { flex: none; margin-left: auto; }
  .adapter { color: var(--_lp-muted); font-size: 0.8em; margin: 0.2em 0 0; }
  .main { display: grid; grid-template-columns: minmax(15em, 18.5em) minmax(0, 1fr); gap: 0.9em; min-height: 0; }
  /* The controls' text a little smaller than the views' (scaled by the same factor in presentation mode). */
  .controls { display: flex; flex-direction: column; gap: 0.25em; min-height: 0; font-size: 0.9em; }
  .views {
    display: grid; min-height: 0; gap: 0.3em 1em;
    grid-template-columns: minmax(0, 1fr) minmax(0, 1.15fr);
    /* The bottom row at least as tall as the tables beside the chart. */
    grid-template-rows: auto minmax(0, 1fr) minmax(min-content, 0.36fr);
    grid-template-areas: 'messages messages' 'scatter surface' 'bottom bottom';
  }
  .bottom { grid-area: bottom; display: flex; gap: 1.2em; min-height: 0; align-items: stretch; }
  /* Under the controls, level with the chart's row: the tables the controls leave room for. */
  .dock { display: flex; flex-direction: column; align-items: flex-start; gap: 0.35em; margin-top: auto; font-size: calc(1em / 0.9); }
  .messages { grid-area: messages; }
  .scatter { grid-area: scatter; min-height: 0; }
  .surface { grid-area: surface; min-height: 0; }
  .chart { flex: 1; min-width: 12em; min-height: 7.5em; }
  .readouts, .confusion { flex: none; }
  /* The chart's two views, Cost and ROC, switched by two small buttons on a thin row of their own above it. */
  .chart { display: flex; flex-direction: column; }
  .chart-views { flex: none; display: flex; justify-content: flex-end; gap: 0.25em; }
  .chart-views button.toggle { font-size: 0.7em; padding: 0 0.5em; }
  .scatter > *, .surface > * { width: 100%; height: 100%; aspect-ratio: auto; }
  .chart > lp-loss-chart, .chart > lp-roc-curve { flex: 1; min-height: 0; width: 100%; aspect-ratio: auto; }
  @media (max-width: 1000px) {
    :host { height: auto; }
    .main { grid-template-columns: minmax(0, 1fr); }
    .views { grid-template-columns: minmax(0, 1fr); grid-template-rows: auto; grid-template-areas: 'messages' 'scatter' 'surface' 'bottom'; }
    .bottom { flex-wrap: wrap; }
    .chart { flex-basis: 100%; }
    .scatter > * { aspect-ratio: 1; height: auto; }
    .surface > * { aspect-ratio: 1.15; height: auto; }
    .chart > lp-loss-chart { aspect-ratio: 2.6; height: auto; }
    .chart > lp-roc-curve { aspect-ratio: 1; height: auto; max-width: 24em; }
    .controls { order: 2; }
  }
  /*
   * The last thing done, never cut: the bar's free room, where two lines fit beside the buttons; with less
   * than 16em there, and always in presentation mode (large text), a row of its own under the buttons.
   */
  lp-status { flex: 1 1 16em; min-width: 0; font-size: 0.85em; }
  :host([presentation]) lp-status { flex-basis: 100%; }
  button.toggle { font: inherit; font-size: 0.85em; padding: 0.25em 0.7em; border-radius: 6px; border: 1px solid var(--_lp-control-border);
    background: var(--_lp-surface); color: inherit; cursor: pointer; }
  button.toggle:focus-visible { outline: 3px solid var(--_lp-focus); outline-offset: 2px; }
  /* On, it looks pressed: the accent, as Play's. */
  button.toggle[aria-pressed='true'] { background: var(--_lp-accent); color: var(--_lp-on-accent); border-color: var(--_lp-accent); }
  @media (prefers-reduced-motion: reduce) { * { transition: none !important; animation: none !important; } }
`,
];
