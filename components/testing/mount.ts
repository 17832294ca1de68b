/**
 * Mounting one element for a test: rendered into a fresh container in the
 * document, updated, and gone after the test (testing/setup.ts removes every
 * container), so each test starts from an empty page.
 */
import axe from 'axe-core';
import { render, type TemplateResult } from 'lit';

/** What every container this helper made carries, so the setup can remove them. */
export const MOUNT_ATTRIBUTE = 'data-test-mount';

/** Renders `template` into a new container and returns its first element, once it has rendered. */
export async function mount<E extends Element>(template: TemplateResult): Promise<E> {
  const container = document.createElement('div');
  container.setAttribute(MOUNT_ATTRIBUTE, '');
  document.body.append(container);
  render(template, container);
  const element = container.firstElementChild as E | null;
  if (!element) throw new Error('the template rendered no element');
  await settled(element);
  return element;
}

/** Waits until `element` and the Lit elements inside it (shadow roots included) have no update pending. */
export async function settled(element: Element): Promise<void> {
  for (let round = 0; round < 5; round++) {
    const pending = [element, ...element.querySelectorAll('*'), ...shadowElements(element)]
      .map((e) => (e as Partial<{ updateComplete: Promise<boolean> }>).updateComplete)
      .filter((p): p is Promise<boolean> => p !== undefined);
    const done = await Promise.all(pending);
    if (done.every(Boolean)) return;
  }
}

function shadowElements(element: Element): Element[] {
  const root = element.shadowRoot;
  if (!root) return [];
  return [...root.querySelectorAll('*')].flatMap((e) => [e, ...shadowElements(e)]);
}

/** The next event of `type` that `target` dispatches. */
export function nextEvent<E extends Event = CustomEvent>(target: EventTarget, type: string): Promise<E> {
  return new Promise((resolve) => target.addEventListener(type, (e) => resolve(e as E), { once: true }));
}

export interface Violation {
  readonly id: string;
  readonly impact: string;
  readonly help: string;
}

/** The serious and critical accessibility violations axe-core finds in `element` (its shadow roots too). */
export async function seriousViolations(element: Element): Promise<Violation[]> {
  const result = await axe.run(element, { resultTypes: ['violations'] });
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact ?? '', help: v.help }));
}
