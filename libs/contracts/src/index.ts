export * from './errors';
export * from './auth';
export * from './projects';
export * from './health';
export * from './assets';
export * from './realtime';
export * from './annotations';
export * from './review';
