/**
 * The tutorial's 40-point data set (numpy seed 1; red t = 0 first, then blue
 * t = 1), bundled as CSV so the app never fetches anything at run time.
 */
import { parseCsv } from './csv';
import type { Dataset } from './dataset';
import csv from './tutorial-part2.csv?raw';

export const TUTORIAL_CSV: string = csv;

export function tutorialDataset(): Dataset {
  return parseCsv(csv);
}
