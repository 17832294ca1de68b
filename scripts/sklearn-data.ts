/**
 * Writes the data set that scripts/sklearn-optimum.py fits: the circle preset,
 * drawn by the playground's own generator with the settings below, as the CSV
 * the playground exports. src/engine/sklearn-optimum.test.ts draws the same
 * data again and checks the committed file is still exactly what this writes.
 *
 *   npx tsx scripts/sklearn-data.ts > src/model/sklearn-optimum/circle.csv
 */
import { formatCsv } from '../src/model/csv';
import { generateShape } from '../src/model/shapes';
import { SKLEARN_DATA } from '../src/model/sklearn-optimum/cases';

process.stdout.write(formatCsv(generateShape(SKLEARN_DATA.shape, SKLEARN_DATA.settings)));
