/**
 * The sentences above the playground's views: notices (a bad attribute or
 * link value, a replaced device), an error, why training stopped, advice
 * before the first step, Play's pace, long work under way with its progress,
 * and requests queued behind it. Never NaN. (The last thing done is said in
 * the bar.)
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Busy, PlaygroundView } from '../src/state/playground-view';
import { controlEvent } from './events';

export function playgroundMessages(
  view: PlaygroundView | undefined,
  busy: Busy | undefined,
  waiting: number,
  notices: readonly string[],
  error: string,
): TemplateResult[] | typeof nothing {
  const out = notices.map((n) => html`<p class="message notice" role="status">${n}</p>`);
  if (error) out.push(html`<p class="message error" role="alert">${error}</p>`);
  if (view?.divergence)
    out.push(html`<p class="message divergence" role="alert" data-divergence>${view.divergence}</p>`);
  const advice = view?.stepAdvice;
  if (advice && view?.state.iteration === 0 && !view.divergence) {
    const useMean = (e: Event) =>
      e.target?.dispatchEvent(controlEvent('lp-settings', { training: { reduction: 'mean' } }));
    out.push(
      html`<p class="message advice" role="status" data-advice>${advice.text}${
        advice.offerMean ? html`<button type="button" @click=${useMean}>Use the mean cost</button>` : nothing
      }</p>`,
    );
  }
  if (view?.pace) out.push(html`<p class="message pace" role="status" data-pace>${view.pace}</p>`);
  if (busy) {
    const done = busy.progress;
    out.push(html`<p class="message busy" role="status" data-busy>${busy.label}…${done === undefined ? '' : ` ${Math.round(done * 100)} %`}
      ${
        done === undefined
          ? html`<progress aria-label=${busy.label}></progress>`
          : html`<progress max="1" .value=${done} aria-label=${busy.label}></progress>`
      }</p>`);
  }
  if (waiting > 0 && !busy) {
    out.push(
      html`<p class="message busy" role="status" data-waiting>Working… ${waiting} ${
        waiting === 1 ? 'request' : 'requests'
      } under way <progress aria-label="Working"></progress></p>`,
    );
  }
  return out.length > 0 ? out : nothing;
}
