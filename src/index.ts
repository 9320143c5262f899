// Public entry point of sonet-login-elements: re-exports only.
export * from './localization.js';
