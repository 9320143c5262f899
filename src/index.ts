// Public entry point of sonet-login-elements: re-exports only.
export * from './localization.js';
export * from './components/error-help/error-help.js';
export * from './components/error-help/error-help.events.js';
export * from './components/error-help/error-help.links.js';
export * from './controllers/countdown-controller.js';
export * from './lib/link-href.js';
export * from './lib/retry-time.js';
export * from './lib/login-response.js';
export * from './lib/capabilities.js';
export * from './controllers/capabilities-controller.js';
