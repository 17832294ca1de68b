/**
 * <lp-model>'s JS API as an element that holds an <lp-model> offers it
 * (<lp-playground>): the same members, each reaching the inner model. The
 * members and their documentation are written once, on LpModel; this file
 * only says how each one gets there, and defines them on the holder's
 * prototype (`forwardModelApi`). The holder declares `interface X extends
 * ModelApi` so its type has them, JSDoc and all, from LpModel.
 */
import type { LpModel } from './lp-model';

/** Calls handed to the model in the order they were made, once it is rendered (usable before the first render). */
const QUEUED = [
  'step',
  'reset',
  'configure',
  'change',
  'loadCsv',
  'undo',
  'redo',
  'selectRacer',
  'loadModel',
  'shareLink',
] as const satisfies readonly (keyof LpModel)[];
/** Calls that read the model as it is now; they throw before the start, as the model's own do. */
const NOW = ['exportCsv', 'exportModel'] as const satisfies readonly (keyof LpModel)[];
/** Read-only properties: the model's, or what a model that has not started says. */
const READ = ['state', 'settings', 'playing'] as const satisfies readonly (keyof LpModel)[];

/** Every member of the API, named as <lp-model> names it. */
export type ModelApi = Pick<
  LpModel,
  (typeof QUEUED)[number] | (typeof NOW)[number] | (typeof READ)[number] | 'ready' | 'play' | 'pause'
>;

/** What the holder gives the forwarding: its inner model, now or once rendered. */
export interface ModelHolder {
  /** The inner model, or null before the first render. */
  readonly renderedModel: LpModel | null;
  /** The inner model once rendered; every call goes through this one promise, so they keep their order. */
  readonly modelRendered: Promise<LpModel>;
  /** The inner model once the holder has rendered on a page; rejects when it is not connected. */
  connectedModel(): Promise<LpModel>;
}

type Method = (this: LpModel, ...args: unknown[]) => unknown;

/** Defines ModelApi's members on `holder.prototype`, each reaching the inner model as its kind says. */
export function forwardModelApi(holder: { prototype: ModelHolder }, unstarted: () => LpModel): void {
  const define = (name: keyof ModelApi, descriptor: PropertyDescriptor) =>
    Object.defineProperty(holder.prototype, name, { configurable: true, ...descriptor });
  const method = (model: LpModel, name: keyof ModelApi) => model[name] as unknown as Method;

  for (const name of QUEUED) {
    define(name, {
      value(this: ModelHolder, ...args: unknown[]) {
        return this.modelRendered.then((model) => method(model, name).apply(model, args));
      },
    });
  }
  for (const name of NOW) {
    define(name, {
      value(this: ModelHolder, ...args: unknown[]) {
        const model = this.renderedModel;
        if (!model) throw new Error('The playground has not started yet: await its `ready` first');
        return method(model, name).apply(model, args);
      },
    });
  }
  for (const name of READ) {
    define(name, {
      get(this: ModelHolder) {
        return (this.renderedModel ?? unstarted())[name];
      },
    });
  }
  define('ready', {
    get(this: ModelHolder) {
      const ready = this.connectedModel().then((model) => model.ready);
      // A page that never awaits `ready` must not see an unhandled rejection; the page shows the error.
      ready.catch(() => undefined);
      return ready;
    },
  });
  define('play', {
    value(this: ModelHolder) {
      this.renderedModel?.play();
    },
  });
  define('pause', {
    value(this: ModelHolder) {
      // At once (Play stops now), and in turn, so the step(n) calls made before it and still on their way stop too.
      this.renderedModel?.pause();
      this.modelRendered.then((model) => model.pause()).catch(() => undefined);
    },
  });
}
