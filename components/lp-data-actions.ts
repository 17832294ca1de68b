/**
 * <lp-data-actions>: what a user takes away and takes back. Undo and Redo
 * of the changes of the data; an Export menu (the data as CSV, the model as
 * JSON, the cost and accuracy history as CSV, each plot of the model as SVG
 * and PNG, and "Load model…" to restore a model file); and Share, which
 * copies a link to this experiment (with the data, when they are custom and
 * small enough) and says what the link cannot carry. Inside an <lp-model>.
 *
 * @fires lp-undo - Undo was pressed.
 * @fires lp-redo - Redo was pressed.
 * @fires lp-load-model - A model file was chosen: { model, name } (its parsed JSON, its file name).
 * @csspart button - each button
 * @csspart menu - the Export menu
 */
import { css, html, LitElement, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { PublishedState } from '../src/controller/published-state';
import { formatCsv } from '../src/model/csv';
import { exportModel, historyCsv } from '../src/session/model-file';
import { LINK_MAX_POINTS } from '../src/settings/link-data';
import { shareLink } from '../src/settings/share-link';
import { formatCount } from '../src/text/format';
import { copyByHand, exportFailed, LINK_COPIED, noFigure, notAModelFile } from '../src/text/messages';
import { controlStyles } from './control-styles';
import { download } from './download';
import { controlEvent } from './events';
import { figureParts, figurePng, figureSvg } from './figure-export';
import { consumeModel } from './model-context';
import { closeWhenFocusLeaves, refocusOnClose } from './popup-menu';
import { TransientNote } from './transient-note';

/** The plots a playground can export, by element and by the file name they get. */
const FIGURES = [
  { tag: 'lp-scatter', name: 'scatter', label: 'Scatter and boundary' },
  { tag: 'lp-cost-surface', name: 'cost-surface', label: 'Cost surface' },
  { tag: 'lp-loss-chart', name: 'loss-chart', label: 'Cost and accuracy' },
] as const;

const JSON_TYPE = 'application/json';
const CSV_TYPE = 'text/csv';

@customElement('lp-data-actions')
export class LpDataActions extends LitElement {
  static override styles = [
    controlStyles,
    css`
      :host { display: flex; align-items: center; gap: 0.4em; flex-wrap: wrap; }
      button { font-size: 0.85em; border-radius: 6px; border: 1px solid var(--_lp-control-border); background: var(--_lp-surface); color: inherit; }
      button:disabled { opacity: 0.5; cursor: default; }
      /* Undo and redo as arrows (their names and what they would do are in aria-label and title): the bar stays one line on a projector. */
      [data-action='undo'], [data-action='redo'] { font-size: 1.05em; min-width: 2em; }
      /* The menu hangs under its button (CSS anchor positioning), turning to stay on screen. */
      [data-action='export'] { anchor-name: --lp-export; }
      [popover] { position-anchor: --lp-export; inset: auto; top: anchor(bottom); left: anchor(left); margin: 0.25em 0 0;
        position-try-fallbacks: flip-inline, flip-block; padding: 0.4em; border: 1px solid var(--_lp-border); border-radius: 6px; background: var(--_lp-surface);
        color: var(--_lp-text); box-shadow: 0 4px 16px rgb(0 0 0 / 0.25); font-size: 0.9em; }
      [popover] h3 { font-size: 0.8em; color: var(--_lp-muted); margin: 0.4em 0.3em 0.1em; font-weight: 600; }
      [popover] button, [popover] .file { display: flex; width: 100%; border: none; background: none; text-align: left; padding: 0.25em 0.6em; font-size: 1em; }
      [popover] button:hover, [popover] .file:hover { background: var(--_lp-surface-2); }
      .figure { display: flex; align-items: center; gap: 0.2em; }
      .figure span { flex: 1; padding: 0 0.6em; white-space: nowrap; }
      .figure button { width: auto; }
      /*
       * What a copy or an export says, where no page shows it in a place of its own (the playground says it
       * in its status line): beside the buttons, in the flow, over nothing.
       */
      .said { font-size: 0.8em; }
    `,
  ];

  @state() private published: PublishedState | undefined;
  /** What the last copy or export said, for a while (a polite live region); a press in the link's field keeps it. */
  private readonly said = new TransientNote(this, (path) =>
    path.some((t) => t instanceof HTMLInputElement && t.matches('input.link')),
  );
  /** The link, shown in a field (while the note asking to copy it stays) when the clipboard refused it. */
  @state() private manualLink = '';

  constructor() {
    super();
    consumeModel(this, (m) => {
      this.published = m.published;
    });
  }

  override render() {
    const undo = this.published?.undo;
    const off = this.published === undefined;
    return html`
      <button type="button" part="button" data-action="undo" ?disabled=${!undo?.undo} title=${undo?.undo ? `Undo: ${undo.undo} (Ctrl+Z)` : 'Nothing to undo'}
        aria-label=${undo?.undo ? `Undo: ${undo.undo}` : 'Undo'} @click=${() => this.dispatchEvent(controlEvent('lp-undo', null))}>↶</button>
      <button type="button" part="button" data-action="redo" ?disabled=${!undo?.redo} title=${undo?.redo ? `Redo: ${undo.redo} (Ctrl+Shift+Z)` : 'Nothing to redo'}
        aria-label=${undo?.redo ? `Redo: ${undo.redo}` : 'Redo'} @click=${() => this.dispatchEvent(controlEvent('lp-redo', null))}>↷</button>
      <button type="button" part="button" data-action="export" popovertarget="export-menu" ?disabled=${off}>Export ▾</button>
      <!-- A disclosure of plain buttons, not an ARIA menu: Tab walks it (a popover follows its button in focus order), Esc closes it. -->
      <div id="export-menu" popover part="menu" role="group" aria-label="Export and load" @beforetoggle=${this.menuToggled}
        @focusout=${this.menuLeft}>
        <h3>Data and model</h3>
        <button type="button" data-export="data" @click=${() => this.exportData()}>Data (CSV)</button>
        <button type="button" data-export="model" @click=${() => this.exportModelFile()}>Model (JSON)</button>
        <button type="button" data-export="history" @click=${() => this.exportHistory()}>Cost and accuracy history (CSV)</button>
        <label class="file">Load model (JSON)…<input type="file" accept=".json,application/json"
          aria-label="Load model (JSON)" @change=${this.loadModelFile} /></label>
        <h3>Figures</h3>
        ${FIGURES.map(
          (f) => html`<div class="figure"><span>${f.label}</span>
            <button type="button" data-figure=${f.name} data-format="svg" aria-label="${f.label} as SVG" @click=${() => this.exportFigure(f.tag, f.name, 'svg')}>SVG</button>
            <button type="button" data-figure=${f.name} data-format="png" aria-label="${f.label} as PNG" @click=${() => this.exportFigure(f.tag, f.name, 'png')}>PNG</button></div>`,
        )}
      </div>
      <button type="button" part="button" data-action="copy-link" ?disabled=${off} aria-label="Share: copy a link to this experiment"
        title="Copy a link to this experiment (with its data, up to ${formatCount(LINK_MAX_POINTS)} points)" @click=${() => this.copyLink()}>Share</button>
      <span class="said" role="status">${this.said.shownElsewhere ? '' : this.said.text}</span>
      ${this.manualLink && this.said.text ? html`<input class="link" readonly aria-label="Link to this experiment" .value=${this.manualLink} />` : nothing}
    `;
  }

  private closeMenu(): void {
    this.renderRoot.querySelector<HTMLElement>('#export-menu')?.hidePopover();
  }

  private menuLeft = closeWhenFocusLeaves;

  private menuToggled = refocusOnClose(
    () => this.renderRoot as ShadowRoot,
    () => this.renderRoot.querySelector<HTMLElement>('[data-action="export"]'),
  );

  private exportData(): void {
    if (!this.published) return;
    download('logistic-data.csv', formatCsv(this.published.run.data), CSV_TYPE);
    this.closeMenu();
  }

  private exportModelFile(): void {
    const v = this.published;
    if (!v) return;
    const model = exportModel(v.state, v.run, v.settings, v.customData !== '');
    download('logistic-model.json', `${JSON.stringify(model, null, 2)}\n`, JSON_TYPE);
    this.closeMenu();
  }

  private exportHistory(): void {
    if (!this.published) return;
    download('logistic-history.csv', historyCsv(this.published.run.history), CSV_TYPE);
    this.closeMenu();
  }

  /** A plot of the same model (a sibling inside the <lp-model>) as SVG or PNG. */
  private async exportFigure(tag: string, name: string, format: 'svg' | 'png'): Promise<void> {
    this.closeMenu();
    const model = this.closest('lp-model');
    const element = model?.querySelector(tag);
    if (!element) {
      this.said.say(noFigure(name.replace('-', ' ')), true);
      return;
    }
    try {
      const parts = figureParts(element);
      if (format === 'svg') download(`${name}.svg`, figureSvg(parts, backgroundOf(element)), 'image/svg+xml');
      else download(`${name}.png`, await figurePng(parts, backgroundOf(element)));
      this.said.say('');
    } catch (error) {
      this.said.say(exportFailed(name.replace('-', ' '), (error as Error).message), true);
    }
  }

  private async loadModelFile(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    this.closeMenu();
    if (!file) return;
    let model: unknown;
    try {
      model = JSON.parse(await file.text());
    } catch (error) {
      this.said.say(notAModelFile(file.name, (error as Error).message), true);
      return;
    }
    this.said.say('');
    this.dispatchEvent(controlEvent('lp-load-model', { model, name: file.name }));
  }

  private async copyLink(): Promise<void> {
    const v = this.published;
    if (!v) return;
    const page = `${location.origin}${location.pathname}${location.search}`;
    const link = await shareLink(page, v.settings, v.customData ? v.run.data : undefined);
    this.manualLink = '';
    try {
      await navigator.clipboard.writeText(link.url);
      this.said.say(link.missing || LINK_COPIED);
    } catch {
      // No clipboard (permission refused, an insecure page): the link is shown, selected, to copy by hand.
      this.manualLink = link.url;
      this.said.say(copyByHand(link.missing), true);
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLInputElement>('input.link')?.select();
    }
  }
}

/** The colour behind a figure (the first ancestor that paints one), so a PNG of a dark page stays dark. */
function backgroundOf(element: Element): string {
  for (let e: Element | null = element; e; e = e.parentElement ?? (e.getRootNode() as ShadowRoot).host ?? null) {
    const color = getComputedStyle(e).backgroundColor;
    if (color && color !== 'transparent' && !/rgba\(.*,\s*0\)$/.test(color)) return color;
  }
  return '#ffffff';
}

declare global {
  interface HTMLElementTagNameMap {
    'lp-data-actions': LpDataActions;
  }
}
