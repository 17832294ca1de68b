/**
 * Which of the playground's tables (the confusion matrix, the readouts) sit
 * under the controls, in the room the controls leave, rather than beside
 * the loss chart, which then gets their width: as many as fit, the
 * confusion matrix first (the narrower). Measured again whenever a box
 * involved changes size (the window, presentation mode, a panel that opens
 * or closes), so the controls never run out of room.
 *
 * A Lit reactive controller of <lp-playground>: it reads the rendered
 * layout (`.main`, `.controls`, `.dock`, the tables' sections) and asks
 * for a render when the answer changes.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { TABLES, type TableName, tablesThatFit } from '../src/plot/table-fit';

export type { TableName };

export class TableDock implements ReactiveController {
  /** The tables under the controls now. */
  docked: readonly TableName[] = [];
  private readonly observer = new ResizeObserver(() => this.measure());
  private observed = new Set<Element>();

  constructor(private readonly host: ReactiveControllerHost & { readonly renderRoot: ParentNode }) {
    host.addController(this);
  }

  has(name: TableName): boolean {
    return this.docked.includes(name);
  }

  hostUpdated(): void {
    this.observe();
  }

  hostDisconnected(): void {
    this.observer.disconnect();
    this.observed.clear();
  }

  /** Follows every box the answer depends on, the ones a render has just made included. */
  private observe(): void {
    const root = this.host.renderRoot;
    const boxes = root.querySelectorAll('.main, .controls > *, section.readouts > *, section.confusion > *');
    const now = new Set<Element>(boxes);
    for (const el of this.observed) if (!now.has(el)) this.observer.unobserve(el);
    for (const el of now) if (!this.observed.has(el)) this.observer.observe(el);
    this.observed = now;
  }

  private measure(): void {
    const root = this.host.renderRoot;
    const main = root.querySelector<HTMLElement>('.main');
    const column = root.querySelector<HTMLElement>('.controls');
    const views = root.querySelector<HTMLElement>('.views');
    if (!main || !column || !views || main.clientHeight === 0) return;
    // On a narrow screen the controls go under the views, not beside them: no room to share.
    const beside = column.getBoundingClientRect().right <= views.getBoundingClientRect().left;
    const style = getComputedStyle(column);
    const gap = Number.parseFloat(style.rowGap) || 0;
    // The column as tall as the main area (not its content), less what the controls take.
    const controls = [...column.children].filter(
      (c) => !c.classList.contains('dock') && (c as HTMLElement).offsetHeight > 0,
    );
    const used = controls.reduce((sum, c) => sum + (c as HTMLElement).offsetHeight, 0) + gap * controls.length;
    const room = main.clientHeight - used;
    const sizes: Record<string, { width: number; height: number }> = {};
    for (const name of TABLES) {
      // The tables, not their section (stretched to the row's height beside the chart): as big wherever they
      // are. A section may hold two, one shown at a time (the readouts, or the race table in a race).
      const shown = [...root.querySelectorAll<HTMLElement>(`section.${name} > *`)];
      if (shown.length > 0) {
        sizes[name] = {
          width: Math.max(...shown.map((el) => el.offsetWidth)),
          height: shown.reduce((sum, el) => sum + el.offsetHeight, 0),
        };
      }
    }
    const docked = beside ? tablesThatFit(sizes, room, column.clientWidth, gap) : [];
    if (docked.join() !== this.docked.join()) {
      this.docked = docked;
      this.host.requestUpdate();
    }
  }
}
