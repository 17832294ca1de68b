/**
 * The sentences above the playground's views: notices (a bad attribute or
 * link value, a replaced device), an error, why training stopped, advice
 * before the first step, Play's pace, long work under way with its progress,
 * and requests queued behind it. Never NaN. (The last thing done is said in
 * the bar.)
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Busy, PublishedState } from '../src/controller/published-state';
import { noticeList } from '../src/plot/notices';
import { formatCount } from '../src/text/format';
import { moreNotices, waitingLabel } from '../src/text/messages';
import { controlEvent } from './events';

/** The notices: each shortened, repeats merged, a handful at a time, each with a way to put it away. */
function noticeMessages(notices: readonly string[]): TemplateResult[] {
  const { shown, more } = noticeList(notices);
  const dismiss = (e: Event, text?: string) =>
    e.target?.dispatchEvent(controlEvent('lp-dismiss-notices', text === undefined ? {} : { text }));
  const out = shown.map(
    (
      n,
    ) => html`<p class="message notice" role="status">${n.shown}${n.count > 1 ? ` (×${formatCount(n.count)})` : ''}<button
      type="button" class="dismiss" aria-label="Dismiss this notice" title="Dismiss" @click=${(e: Event) => dismiss(e, n.text)}>×</button></p>`,
  );
  if (more > 0 || shown.length > 1) {
    out.push(
      html`<p class="message notices-more" role="status" data-more-notices>${
        more > 0 ? moreNotices(more) : ''
      }<button type="button" class="dismiss" @click=${(e: Event) => dismiss(e)}>Dismiss all</button></p>`,
    );
  }
  return out;
}

export function playgroundMessages(
  published: PublishedState | undefined,
  busy: Busy | undefined,
  waiting: number,
  notices: readonly string[],
  error: string,
): TemplateResult[] | typeof nothing {
  const out = noticeMessages(notices);
  if (error) out.push(html`<p class="message error" role="alert">${error}</p>`);
  if (published?.divergence)
    out.push(html`<p class="message divergence" role="alert" data-divergence>${published.divergence}</p>`);
  const advice = published?.stepAdvice;
  if (advice && published?.state.iteration === 0 && !published.divergence) {
    const useMean = (e: Event) =>
      e.target?.dispatchEvent(controlEvent('lp-settings', { training: { reduction: 'mean' } }));
    out.push(
      html`<p class="message advice" role="status" data-advice>${advice.text}${
        advice.offerMean ? html`<button type="button" @click=${useMean}>Use the mean cost</button>` : nothing
      }</p>`,
    );
  }
  if (published?.pace) out.push(html`<p class="message pace" role="status" data-pace>${published.pace}</p>`);
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
      html`<p class="message busy" role="status" data-waiting>${waitingLabel(waiting)} <progress aria-label="Working"></progress></p>`,
    );
  }
  return out.length > 0 ? out : nothing;
}
