import nx from '@nx/eslint-plugin';

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  { ignores: ['**/dist', '**/node_modules', '**/.nx', '**/vite.config.*.timestamp*', '**/vitest.config.*.timestamp*'] },
  {
    files: ['**/*.ts'],
    rules: {
      // Libraries depend downward only. `type:domain` imports nothing of ours; adapters
      // depend on ports; application code never on a concrete adapter; apps wire.
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            { sourceTag: 'type:domain', onlyDependOnLibsWithTags: [] },
            { sourceTag: 'type:port', onlyDependOnLibsWithTags: [] },
            { sourceTag: 'type:infra', onlyDependOnLibsWithTags: ['type:infra'] },
            { sourceTag: 'type:adapter', onlyDependOnLibsWithTags: ['type:port', 'type:infra'] },
            {
              sourceTag: 'type:application',
              onlyDependOnLibsWithTags: ['type:domain', 'type:port', 'type:infra', 'type:application'],
            },
            {
              sourceTag: 'type:api',
              onlyDependOnLibsWithTags: ['type:domain', 'type:port', 'type:infra', 'type:application'],
            },
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['*'] },
          ],
        },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['**/vitest.config.ts', '**/vite.config.ts', 'vitest.shared.ts'],
    rules: { '@nx/enforce-module-boundaries': 'off' },
  },
  {
    files: ['apps/**/*.ts', 'test/**/*.ts', '**/*.spec.ts', '**/bench/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
];
