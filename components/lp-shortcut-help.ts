/**
 * <lp-shortcut-help>: the "Keys ?" button and the list of keyboard shortcuts
 * it opens. The popover is the browser's own (`popover="auto"`): Escape and
 * a click outside close it however it was opened, and it opens below its
 * button, right-aligned to it, clear of the scatter. `toggle()` is what the
 * "?" key calls.
 *
 * @csspart button - the "Keys ?" button
 * @csspart popover - the list of keys
 * @cssprop --lp-surface - the button's and the list's background (default white; dark #1f2329)
 * @cssprop --lp-control-border-color - their border (default #777; dark #8b949e)
 * @cssprop --lp-focus-color - the focus ring (default #0072b2; dark #56b4e9)
 */
import { css, html, LitElement } from 'lit';
import { customElement } from 'lit/decorators.js';
import { SHORTCUTS } from './shortcuts';
import { themeStyles } from './theme';

@customElement('lp-shortcut-help')
export class LpShortcutHelp extends LitElement {
  static override styles = [
    themeStyles,
    css`
      :host { display: inline-block; }
      button { font: inherit; font-size: 0.85em; padding: 0.25em 0.7em; border-radius: 6px; border: 1px solid var(--_lp-control-border);
        background: var(--_lp-surface); color: inherit; cursor: pointer; }
      button:focus-visible { outline: 3px solid var(--_lp-focus); outline-offset: 2px; }
      [popover] { margin: 0; inset: auto; position: fixed; background: var(--_lp-surface); color: var(--_lp-text);
        border: 1px solid var(--_lp-control-border); border-radius: 6px;
        box-shadow: 0 4px 12px var(--_lp-shadow); padding: 0.6em 0.9em; min-width: 15em; font: inherit; }
      h2 { font-size: 1em; margin: 0 0 0.4em; }
      dl { display: grid; grid-template-columns: auto 1fr; gap: 0.2em 0.8em; margin: 0; }
      dt { font-family: var(--_lp-mono); font-weight: 600; }
      dd { margin: 0; }
    `,
  ];

  override render() {
    return html`<button type="button" part="button" data-action="help" popovertarget="help" aria-controls="help">Keys ?</button>
      <div id="help" part="popover" popover role="dialog" aria-label="Keyboard shortcuts" @beforetoggle=${this.place}>
        <h2>Keyboard shortcuts</h2>
        <dl>${SHORTCUTS.map(([key, action]) => html`<dt>${key}</dt><dd>${action}</dd>`)}</dl>
      </div>`;
  }

  /** Opens or closes the list. */
  toggle(): void {
    this.renderRoot.querySelector<HTMLElement>('[popover]')?.togglePopover();
  }

  /** Below the button, its right edge under the button's. */
  private place = (event: Event): void => {
    if ((event as ToggleEvent).newState !== 'open') return;
    const button = this.renderRoot.querySelector('button')?.getBoundingClientRect();
    const popover = event.target as HTMLElement;
    if (!button) return;
    popover.style.top = `${button.bottom + 6}px`;
    popover.style.right = `${Math.max(4, document.documentElement.clientWidth - button.right)}px`;
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'lp-shortcut-help': LpShortcutHelp;
  }
}
