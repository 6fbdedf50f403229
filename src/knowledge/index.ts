export * from './load.js';
export * from './quotes.js';
export * from './schema.js';
