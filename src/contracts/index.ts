export * from './audit.js';
export * from './auth.js';
export * from './break-glass.js';
export * from './common.js';
export * from './home.js';
export * from './roles.js';
export * from './structure.js';
export * from './users.js';
