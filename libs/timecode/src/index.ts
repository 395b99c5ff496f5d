export * from './timecode-error';
export * from './frame-rate';
export * from './frame-time';
export * from './timecode';
export * from './display';
export * from './playhead';
