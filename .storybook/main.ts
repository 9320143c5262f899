import type {StorybookConfig} from '@storybook/web-components-vite';

// Written by hand: `npm create storybook` needs the network (../shared/TOOLCHAIN.md).
const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y'],
  framework: {name: '@storybook/web-components-vite', options: {}},
  core: {disableTelemetry: true},
  docs: {defaultName: 'Docs'},
};

export default config;
