import type { Provider } from './provider';

export type SchedulingEvent = { type: 'ProviderDelayChanged'; payload: { provider: Provider } };
