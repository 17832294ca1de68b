/** The look shared by the control panels: the theme, fieldsets, rows of fields, buttons. */
import { css } from 'lit';
import { themeStyles } from './theme';

export const controlStyles = [
  themeStyles,
  css`
  :host { display: block; }
  /* min-width: 0 lets a fieldset shrink below its content's width (its default is min-content). */
  fieldset { border: 1px solid var(--_lp-border); border-radius: 6px; margin: 0; padding: 0.15em 0.55em 0.35em; min-width: 0; }
  input[type='file'] { max-width: 100%; font-size: 0.85em; }
  legend { font-weight: 600; padding: 0 0.3em; }
  /* Fields side by side, sharing the row, each at least as wide as its value (a long one wraps the row). */
  .row { display: flex; flex-wrap: wrap; gap: 0.3em; margin-top: 0.25em; }
  .row > lp-number-field { flex: 1 1 0; }
  /* Three fields and a button: the fields share what the button leaves. */
  .row.bottom { align-items: end; }
  .row > button { flex: none; }
  .line { display: flex; align-items: center; gap: 0.2em 0.5em; flex-wrap: wrap; margin-top: 0.2em; }
  label { font-size: 0.9em; }
  select, button, input[type='range'], input[type='file'] { font: inherit; }
  select, button { padding: 0.1em 0.4em; min-height: 1.9em; }
  input[type='range'] { flex: 1; min-width: 5em; }
  lp-number-field.narrow { min-width: 6.5em; }
  button { cursor: pointer; white-space: nowrap; }
  :is(select, button, input):focus-visible { outline: 3px solid var(--_lp-focus); outline-offset: 2px; }
  .hint { color: var(--_lp-muted); font-size: 0.8em; margin: 0.2em 0 0; }
  /* How to use a control: a page short of room (the playground in presentation mode) leaves it out. */
  .hint.usage { display: var(--_lp-usage-hints, block); }
  .line.tight { margin: 0; gap: 0.4em; }
  .spacer { flex: 1; }
  /* A file input shown as a button: the input stays (keyboard and screen readers reach it), its look goes to the label. */
  .file { position: relative; display: inline-flex; align-items: center; border: 1px solid var(--_lp-control-border); border-radius: 4px;
    padding: 0.1em 0.5em; min-height: 1.9em; box-sizing: border-box; background: var(--_lp-surface-2); cursor: pointer; font-size: 1em; }
  .file input { position: absolute; inset: 0; opacity: 0; width: 100%; cursor: pointer; }
  .file:focus-within { outline: 3px solid var(--_lp-focus); outline-offset: 2px; }
  table.fields { border-collapse: collapse; margin-top: 0.2em; width: 100%; }
  table.fields lp-number-field { display: flex; }
  table.fields th { font-weight: normal; font-size: 0.85em; color: var(--_lp-muted); text-align: left; padding: 0 0.3em 0 0; white-space: nowrap; }
  table.fields td { padding: 0.1em 0.3em 0.1em 0; }
`,
];
