/** The CPU engine's worker entry: sums over its part of the samples, answered by sum-worker-jobs.ts. */
import { answerSumJobs } from './sum-worker-jobs';

answerSumJobs(self);
