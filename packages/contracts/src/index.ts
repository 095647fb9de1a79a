export * from './audit.js';
export * from './auth.js';
export * from './common.js';
export * from './notifications.js';
export * from './org.js';
export * from './plans.js';
export * from './users.js';
export * from './taskbooks.js';
