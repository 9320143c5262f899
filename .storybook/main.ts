import type {StorybookConfig} from '@storybook/web-components-vite';
import {offlineGuidance} from './offline-guidance.js';

// Written by hand: `npm create storybook` needs the network (../shared/TOOLCHAIN.md).
const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y'],
  framework: {name: '@storybook/web-components-vite', options: {}},
  core: {disableTelemetry: true},
  docs: {defaultName: 'Docs'},
  viteFinal: (vite) => ({...vite, plugins: [...(vite.plugins ?? []), offlineGuidance()]}),
};

export default config;
