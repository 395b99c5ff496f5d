export * from './align-signatures';
export * from './frame-distance';
export * from './synthetic-signatures';
