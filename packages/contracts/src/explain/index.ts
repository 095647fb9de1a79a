export * from './render.js';
export * from './steps.js';
