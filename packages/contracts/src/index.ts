export * from './commands';
export * from './kiosk';
export * from './realtime';
export * from './auth';
export * from './api';
export * from './failures';
export * from './text';
export * from './limits';
