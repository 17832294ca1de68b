/** Says which engine computes: "WebGPU · adapter" or "CPU · why not the GPU". */
import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { EngineKind } from '../src/engine/engine';
import { consumeModel } from './model-context';

@customElement('lp-engine-badge')
export class LpEngineBadge extends LitElement {
  static override styles = css`
    :host { display: inline-block; }
    span { display: inline-block; padding: 0.15em 0.6em; border-radius: 1em; font-size: 0.9em; border: 1px solid; }
    .gpu { color: #035e35; background: #e6f5ec; }
    .cpu { color: #6b4a00; background: #fff4d6; }
    .pending { color: #444; background: #eee; }
  `;

  /** The engine in use, or undefined while it starts. */
  @property() kind: EngineKind | undefined;
  /** The adapter's name for the GPU, or the reason for the CPU. */
  @property() detail = '';

  constructor() {
    super();
    // Inside an <lp-model>, its engine and why.
    consumeModel(this, (m) => {
      this.kind = m.view?.run.engine;
      this.detail = m.engineDetail;
    });
  }

  override render() {
    if (this.kind === undefined) return html`<span class="pending" role="status">Starting…</span>`;
    const name = this.kind === 'gpu' ? 'WebGPU' : 'CPU';
    return html`<span class=${this.kind} role="status" data-engine=${this.kind}
      >${name}${this.detail ? html` · ${this.detail}` : ''}</span
    >`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lp-engine-badge': LpEngineBadge;
  }
}
