// ESLint: typescript-eslint's recommended rules for the TypeScript, eslint-plugin-astro's for the
// pages and components, Node globals for the build and tools, browser globals for src/scripts/.
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
	globalIgnores(['dist/', 'dist-*/', '.astro/', 'node_modules/', 'tests/.output/', 'bench/.work/', 'test-results/', 'my-edition/', '.*.building-*/', '.*.previous-*/']),
	js.configs.recommended,
	tseslint.configs.recommended,
	astro.configs.recommended,
	{
		languageOptions: { globals: { ...globals.node } },
		rules: {
			// A leading underscore marks what is left out on purpose (`const { file: _file, ...fields }`).
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true }],
		},
	},
	{
		files: ['src/scripts/**', 'src/**/*.astro'],
		languageOptions: { globals: { ...globals.browser } },
	},
);
