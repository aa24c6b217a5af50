export * from './commands';
export * from './kiosk';
export * from './realtime';
