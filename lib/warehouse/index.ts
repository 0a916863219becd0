import 'server-only';

export * from './types';
