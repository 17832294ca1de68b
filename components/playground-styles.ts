/**
 * The playground's layout: controls on the left, the scatter and the cost
 * surface side by side, the loss chart and the readouts below. Plots are
 * sized by the viewport's height too, so a 1280×720 laptop and a 1920×1080
 * projector both show everything without scrolling.
 */
import { css } from 'lit';

export const playgroundStyles = css`
  :host {
    display: block; color: #1a1a1a; font-family: system-ui, sans-serif;
    /* 14.7px on a 1280 laptop, 18.5px on a 1920 projector. */
    font-size: clamp(14px, calc(0.6vw + 7px), 19px);
    --lp-plot: min(100%, 56vh);
  }
  :host([presentation]) {
    font-size: clamp(18px, calc(0.8vw + 9px), 26px);
    /* Custom properties cross shadow roots: the plots' own text grows too. */
    --lp-plot-font: 15px; --lp-plot: min(100%, 52vh);
  }
  :host([presentation]) .adapter { display: none; }
  .bar { display: flex; flex-wrap: wrap; gap: 0.4em 1em; align-items: center; margin-bottom: 0.5em; }
  .bar .spacer { flex: 1; }
  .adapter { color: #555; font-size: 0.85em; }
  .layout {
    display: grid; gap: 0.8em 1.2em; align-items: start;
    grid-template-columns: minmax(15em, 19em) minmax(0, 1fr) minmax(0, 1.13fr);
    grid-template-areas: 'controls scatter surface' 'controls chart readouts';
  }
  .controls { grid-area: controls; display: flex; flex-direction: column; gap: 0.5em; max-height: calc(100vh - 7em); overflow-y: auto; padding-right: 0.2em; }
  .scatter { grid-area: scatter; }
  .surface { grid-area: surface; }
  .chart { grid-area: chart; }
  .readouts { grid-area: readouts; display: flex; gap: 1.5em; flex-wrap: wrap; align-items: start; }
  .scatter lp-scatter { width: var(--lp-plot); }
  .surface lp-cost-surface { width: calc(var(--lp-plot) * 1.13); max-width: 100%; }
  h2 { font-size: 0.95em; margin: 0 0 0.2em; }
  @media (max-width: 1000px) {
    .layout { grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); grid-template-areas: 'scatter surface' 'chart readouts' 'controls controls'; }
    .controls { max-height: none; }
  }
  @media (max-width: 640px) {
    .layout { grid-template-columns: minmax(0, 1fr); grid-template-areas: 'scatter' 'surface' 'chart' 'readouts' 'controls'; }
  }
  .message { padding: 0.4em 0.7em; margin: 0 0 0.4em; border-left: 4px solid; border-radius: 2px; }
  .notice { background: #fff4d6; border-color: #b07d00; }
  .error, .divergence { background: #fde8e8; border-color: #b00020; }
  .status { color: #333; font-size: 0.85em; min-height: 1.3em; margin: 0.2em 0 0; }
  button.toggle { font: inherit; font-size: 0.85em; padding: 0.25em 0.7em; border-radius: 6px; border: 1px solid #777; background: white; cursor: pointer; }
  button.toggle:focus-visible { outline: 3px solid #0072b2; outline-offset: 2px; }
  @media (prefers-reduced-motion: reduce) { * { transition: none !important; animation: none !important; } }
`;
