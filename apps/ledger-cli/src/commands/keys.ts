import { ROLES, type ApiKeyRecord } from '@calltrail/ledger';
import type { CliCommand } from '../cli-command';
import { withLedger } from '../with-ledger';

function describeKey(key: ApiKeyRecord): string {
  const scope = key.processorId ? ` processor=${key.processorId}` : '';
  const state = key.revokedAt ? `revoked ${key.revokedAt.toISOString()}` : 'active';
  const label = key.label ? ` "${key.label}"` : '';
  return `${key.keyId}  ${key.role}${scope}  ${state}  created ${key.createdAt.toISOString()}${label}`;
}

const command: CliCommand = {
  register(program, context) {
    const keys = program
      .command('keys')
      .description('Manage API keys. On the embedded store, stop `calltrail serve` first (or use the GraphQL API).');

    keys
      .command('create')
      .description('Create an API key and print it once. processor and dialer keys need --processor.')
      .requiredOption('--role <role>', `one of ${ROLES.join(', ')}`)
      .option('--processor <processorId>', 'the processor a processor or dialer key acts for')
      .option('--label <text>', 'who or what uses the key')
      .action((options: { role: string; processor?: string; label?: string }) =>
        withLedger(context, async (ledger) => {
          const created = await ledger.apiKeys.create({
            role: options.role,
            processorId: options.processor ?? null,
            label: options.label ?? null,
          });
          context.out(describeKey(created.record));
          context.out('The key, shown this once:');
          context.out(`  ${created.key}`);
        }),
      );

    keys
      .command('list')
      .description('List every API key (never the secrets).')
      .action(() =>
        withLedger(context, async (ledger) => {
          const all = await ledger.apiKeys.list();
          if (all.length === 0) context.out('No API keys.');
          for (const key of all) context.out(describeKey(key));
        }),
      );

    keys
      .command('revoke')
      .description('Revoke an API key for good.')
      .argument('<keyId>', 'the key id (the part after ct_ in the key)')
      .action((keyId: string) =>
        withLedger(context, async (ledger) => context.out(describeKey(await ledger.apiKeys.revoke(keyId)))),
      );
  },
};
export default command;
