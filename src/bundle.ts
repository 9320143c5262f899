// Entry of the self-contained bundle (`sonet-login-elements/bundle`): everything the library
// exports, with every element defined. See rollup.config.mjs.
export * from './index.js';
