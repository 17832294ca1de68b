/**
 * The data a preset describes: the tutorial's 40 points, or two Gaussian
 * classes or a shape (circle, XOR, spiral) drawn in slices so the page stays
 * responsive while millions of points are drawn.
 */
import { type Dataset, sampleCount } from '../model/dataset';
import { generateGaussiansInSlices } from '../model/gaussians';
import { generateShapeInSlices } from '../model/shapes';
import { tutorialDataset } from '../model/tutorial-data';
import type { DataSettings } from '../settings/playground-settings';
import { drawingLabel } from '../text/messages';

/** Gives the page a turn (to draw, to take a click) between slices of long work. */
export function pause(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** The data a preset describes; undefined if cancelled. */
export function presetData(
  settings: DataSettings,
  onProgress?: (fraction: number) => void,
  cancelled?: () => boolean,
): Promise<Dataset | undefined> {
  const { preset, gaussians } = settings;
  if (preset === 'tutorial') return Promise.resolve(tutorialDataset());
  const options = { pause, ...(onProgress ? { onProgress } : {}), ...(cancelled ? { cancelled } : {}) };
  if (preset === 'gaussians') return generateGaussiansInSlices(gaussians, options);
  return generateShapeInSlices(preset, gaussians, options);
}

/** How many samples a preset's data hold once drawn. */
export function presetSize(settings: DataSettings): number {
  return settings.preset === 'tutorial' ? sampleCount(tutorialDataset()) : 2 * settings.gaussians.perClass;
}

/** What the page says while a preset's data are drawn. */
export function drawing(settings: DataSettings): string {
  return drawingLabel(presetSize(settings));
}
