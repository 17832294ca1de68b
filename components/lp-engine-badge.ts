/**
 * Says which engine computes: "WebGPU · adapter" or "CPU · why not the GPU".
 *
 * @csspart badge - the badge
 */
import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { EngineKind } from '../src/contract/engine';
import { consumeModel } from './model-context';
import { themeStyles } from './theme';

@customElement('lp-engine-badge')
export class LpEngineBadge extends LitElement {
  static override styles = [
    themeStyles,
    css`
      :host { display: inline-block; }
      span { display: inline-block; padding: 0.15em 0.6em; border-radius: 1em; font-size: 0.9em; border: 1px solid; }
      .gpu { color: var(--_lp-good-text); background: var(--_lp-good-surface); }
      .cpu { color: var(--_lp-notice-text); background: var(--_lp-notice-surface); }
      .pending { color: var(--_lp-muted); background: var(--_lp-surface-2); }
    `,
  ];

  /** The engine in use, or undefined while it starts. */
  @property() kind: EngineKind | undefined;
  /** The adapter's name for the GPU, or the reason for the CPU. */
  @property() detail = '';

  constructor() {
    super();
    // Inside an <lp-model>, its engine and why.
    consumeModel(this, (m) => {
      this.kind = m.published?.run.engine;
      this.detail = m.engineDetail;
    });
  }

  override render() {
    if (this.kind === undefined) return html`<span class="pending" part="badge" role="status">Starting…</span>`;
    const name = this.kind === 'gpu' ? 'WebGPU' : 'CPU';
    return html`<span class=${this.kind} part="badge" role="status" data-engine=${this.kind}
      >${name}${this.detail ? html` · ${this.detail}` : ''}</span
    >`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lp-engine-badge': LpEngineBadge;
  }
}
