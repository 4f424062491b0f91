// The same checks n8n's community package scanner (@n8n/scan-community-package) runs on the
// published source: @n8n/eslint-plugin-community-nodes (recommended) everywhere, plus the
// community / credentials / nodes rule sets of eslint-plugin-n8n-nodes-base with the scanner's
// own exceptions. Inline `eslint-disable` comments are refused, because the scanner ignores them.
import { n8nCommunityNodesPlugin } from '@n8n/eslint-plugin-community-nodes';
import n8nNodesBase from 'eslint-plugin-n8n-nodes-base';
import tseslint from 'typescript-eslint';

const shipped = ['package.json', 'nodes/**/*.{ts,json}', 'credentials/**/*.{ts,json}'];

export default [
	{ ignores: ['dist/**', 'node_modules/**', 'test/**', 'workflows/**', '.e2e/**', '.cache/**'] },
	{
		linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'error' },
	},
	{
		files: shipped,
		languageOptions: { parser: tseslint.parser, parserOptions: { extraFileExtensions: ['.json'] } },
	},
	{ files: shipped, ...n8nCommunityNodesPlugin.configs.recommended },
	{ files: shipped, rules: { 'no-console': 'error' } },
	{ files: shipped, plugins: { 'n8n-nodes-base': n8nNodesBase } },
	{
		files: ['package.json'],
		rules: n8nNodesBase.configs.community.rules,
	},
	{
		files: ['credentials/**/*.ts'],
		rules: {
			...n8nNodesBase.configs.credentials.rules,
			// The scanner turns these two off: community credentials link to their own docs, and
			// @n8n/community-nodes/credential-password-field checks secrets more precisely.
			'n8n-nodes-base/cred-class-field-documentation-url-miscased': 'off',
			'n8n-nodes-base/cred-class-field-type-options-password-missing': 'off',
		},
	},
	{
		files: ['nodes/**/*.ts'],
		rules: {
			...n8nNodesBase.configs.nodes.rules,
			// Scanner exceptions: NodeConnectionTypes.Main instead of 'main' (which
			// @n8n/community-nodes/node-connection-type-literal requires), and maxValue where Zoom
			// documents a maximum (page sizes, durations).
			'n8n-nodes-base/node-class-description-inputs-wrong-regular-node': 'off',
			'n8n-nodes-base/node-class-description-outputs-wrong': 'off',
			'n8n-nodes-base/node-param-type-options-max-value-present': 'off',
		},
	},
];
