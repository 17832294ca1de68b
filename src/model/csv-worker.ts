/**
 * The import worker's entry: one job per worker (the page terminates it to
 * cancel), answered by csv-worker-jobs.ts.
 */
import { answerCsvJobs } from './csv-worker-jobs';

answerCsvJobs(self);
