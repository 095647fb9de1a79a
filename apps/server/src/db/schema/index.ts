export * from './audit.js';
export * from './cycle.js';
export * from './identity.js';
export * from './objections.js';
export * from './org.js';
export * from './plans.js';
export * from './survey-work.js';
export * from './surveys.js';
