export * from './commands/index';
export * from './kiosk';
export * from './realtime';
export * from './auth';
export * from './api';
export * from './failures';
export * from './formats';
export * from './text';
