/** The coded 400 and 409 of the survey modules: the platform's one definition. */
export { bad, conflict } from '../../platform/errors.js';
