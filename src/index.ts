// Public entry point of sonet-login-elements: re-exports only.
export * from './localization.js';
export * from './components/error-help/error-help.js';
export * from './components/error-help/error-help.events.js';
export * from './components/error-help/error-help.links.js';
export * from './controllers/countdown-controller.js';
export * from './lib/link-href.js';
export * from './lib/retry-time.js';
export * from './lib/login-response.js';
export * from './lib/csrf-header.js';
export * from './lib/response-body.js';
export * from './lib/capabilities.js';
export * from './controllers/capabilities-controller.js';
export * from './lib/failure-counter.js';
export * from './controllers/caps-lock-controller.js';
export * from './controllers/input-analysis-controller.js';
export * from './controllers/password-reveal-controller.js';
export * from './components/user-id-field/user-id-field.js';
export * from './components/password-field/password-field.js';
export * from './lib/findings.js';
export * from './lib/half-width.js';
export * from './lib/user-id.js';
export * from './lib/password.js';
// Not './lib/romaji.js': it imports wanakana, which must stay out of the first load. The lazy
// loader below fetches it on demand (UserIdOptions.toRomaji).
export * from './lib/romaji-loader.js';
export * from './lib/status-feed.js';
export * from './components/maintenance-notice/maintenance-notice.js';
export * from './controllers/autofill-controller.js';
export * from './components/login-form/login-form.js';
export * from './components/login-form/login-form.events.js';
