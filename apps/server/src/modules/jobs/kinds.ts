import type { JobKindDef } from '../../platform/jobs/jobs.js';
import { scorecardsJob } from '../results/scorecard.service.js';

/** Every kind of background job (contracts `jobKinds`), each with its module's work. */
export const jobKindDefs: readonly JobKindDef<never>[] = [scorecardsJob as JobKindDef<never>];
