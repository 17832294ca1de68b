/**
 * The package's entry: importing it defines every `lp-` element (the
 * definitions are its side effects) and gives the element classes and the
 * public types to TypeScript users. `vite.lib.config.ts` bundles it, with
 * Lit, D3, KaTeX (fonts inlined) and the shaders, into one self-contained
 * ES module, dist/lib/logistic-playground.js. An element file that is not
 * listed here is caught by index.test.ts.
 */
export { LpAdapterNote } from '../../components/lp-adapter-note';
export { LpConfusionMatrix } from '../../components/lp-confusion-matrix';
export { LpCostSurface } from '../../components/lp-cost-surface';
export { LpCrossEntropyFigure } from '../../components/lp-cross-entropy-figure';
export { LpCrossEntropyGradientFigure } from '../../components/lp-cross-entropy-gradient-figure';
export { LpCsvImport } from '../../components/lp-csv-import';
export { LpDataActions } from '../../components/lp-data-actions';
export { LpDataControls } from '../../components/lp-data-controls';
export { LpEngineBadge } from '../../components/lp-engine-badge';
export { LpInitialWeights } from '../../components/lp-initial-weights';
export { LpLikelihoodFigure } from '../../components/lp-likelihood-figure';
export { LpLogOddsFigure } from '../../components/lp-log-odds-figure';
export { LpLogisticDerivativeFigure } from '../../components/lp-logistic-derivative-figure';
export { LpLogisticFigure } from '../../components/lp-logistic-figure';
export { LpLossChart } from '../../components/lp-loss-chart';
export { LpMessages } from '../../components/lp-messages';
export { type FrameEvent, LpModel, type PlaygroundOptions, type ViewShortcutEvent } from '../../components/lp-model';
export { LpModelControls } from '../../components/lp-model-controls';
export { LpModelDiagram } from '../../components/lp-model-diagram';
export { LpNumberField, type NumberEvent } from '../../components/lp-number-field';
export { LpOptimiserControls } from '../../components/lp-optimiser-controls';
export { LpPlayground } from '../../components/lp-playground';
export { LpRaceTable } from '../../components/lp-race-table';
export { LpReadout } from '../../components/lp-readout';
export { LpRocCurve } from '../../components/lp-roc-curve';
export { LpScatter } from '../../components/lp-scatter';
export { LpShortcutHelp } from '../../components/lp-shortcut-help';
export { LpStatus } from '../../components/lp-status';
export { LpTex } from '../../components/lp-tex';
export { LpTransport } from '../../components/lp-transport';

export type { Dataset } from '../../src/model/dataset';
export type { LineSample } from '../../src/model/likelihood';
export type { Confusion, Params, Reduction } from '../../src/model/regression';
export type { TrainingState } from '../../src/session/training-session';
export type {
  PlaygroundSettings,
  Preset,
  SettingsChange,
  Speed,
  SpeedUnit,
} from '../../src/settings/playground-settings';
export type { TrainingSettings } from '../../src/settings/settings';
