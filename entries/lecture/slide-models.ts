/**
 * Binds each slide's <lp-model> to the deck. A model's `data-steps` says the
 * iteration its slide shows; each fragment marked `data-step` in that slide
 * adds one once shown. The target is recomputed whenever the deck moves, for
 * every model, from the fragments' visibility, which reveal.js keeps right for
 * slides behind and ahead as well as the current one; the print view shows
 * them all.
 */
import type { RevealApi } from 'reveal.js';
import type { LpModel } from '../../components/lp-model';
import { StepSync } from './step-sync';

/** reveal.js 6 asks isPrintView(); its typings still name the older isPrintingPDF(), which the runtime lacks. */
export type PrintAware = RevealApi & { isPrintView?: () => boolean };

interface SlideModel {
  readonly model: LpModel;
  readonly slide: Element;
  readonly base: number;
  readonly sync: StepSync;
}

export interface BoundModels {
  /** Resolves when every model is at its slide's iteration. */
  settled(): Promise<void>;
}

export function bindSlideModels(deck: RevealApi): BoundModels {
  const models: SlideModel[] = [...document.querySelectorAll<LpModel>('.reveal .slides lp-model')].map((model) => {
    const slide = model.closest('section');
    if (!slide) throw new Error('Every <lp-model> of the lecture sits in a slide');
    const base = Number(model.dataset.steps ?? '0');
    // Said at once to whoever writes the slide, not when the slide is reached.
    if (!Number.isInteger(base) || base < 0) {
      throw new RangeError(`data-steps="${model.dataset.steps}" on slide ${slide.id || '?'} must be 0, 1, 2, …`);
    }
    return { model, slide, base, sync: new StepSync(model, (error) => showFailure(slide, error)) };
  });
  const update = () => {
    // The print view shows every fragment without marking it: the handout shows the slide's last step.
    const printing = (deck as PrintAware).isPrintView?.() ?? false;
    const selector = printing ? '.fragment[data-step]' : '.fragment.visible[data-step]';
    for (const m of models) {
      const shown = m.slide.querySelectorAll(selector).length;
      void m.sync.moveTo(m.base + shown);
    }
  };
  for (const event of ['ready', 'slidechanged', 'fragmentshown', 'fragmenthidden', 'overviewhidden'])
    deck.on(event, update);
  return {
    settled: async () => {
      await Promise.all(
        models.map(async (m) => {
          await m.model.ready;
          await m.sync.settled;
        }),
      );
    },
  };
}

/** A step the slide asked for failed: say so on the slide, where the lecturer sees it. */
function showFailure(slide: Element, error: unknown): void {
  const note = document.createElement('p');
  note.className = 'slide-error';
  note.setAttribute('role', 'alert');
  note.textContent = `This slide's model could not take its steps: ${(error as Error).message ?? String(error)}`;
  slide.querySelector('.slide-error')?.remove();
  slide.append(note);
}
