/** The look shared by the control panels: fieldsets, rows of fields, buttons. */
import { css } from 'lit';

export const controlStyles = css`
  :host { display: block; }
  /* min-width: 0 lets a fieldset shrink below its content's width (its default is min-content). */
  fieldset { border: 1px solid #ccc; border-radius: 6px; margin: 0; padding: 0.4em 0.6em 0.6em; min-width: 0; }
  input[type='file'] { max-width: 100%; }
  legend { font-weight: 600; padding: 0 0.3em; }
  .row { display: grid; grid-template-columns: repeat(auto-fit, minmax(4.5em, 1fr)); gap: 0.4em; margin-top: 0.35em; }
  .line { display: flex; align-items: center; gap: 0.5em; flex-wrap: wrap; margin-top: 0.35em; }
  label { font-size: 0.9em; }
  select, button, input[type='range'], input[type='file'] { font: inherit; }
  select, button { padding: 0.2em 0.5em; min-height: 2em; }
  button { cursor: pointer; }
  :is(select, button, input):focus-visible { outline: 3px solid #0072b2; outline-offset: 2px; }
  .hint { color: var(--lp-muted, #555); font-size: 0.8em; margin: 0.3em 0 0; }
`;
