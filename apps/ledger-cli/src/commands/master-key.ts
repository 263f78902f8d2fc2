import { renameSync, writeFileSync } from 'node:fs';
import { masterKeyFromBytes, parseMasterKey, rotateMasterKey } from '@calltrail/pii-vault';
import { loadConfig, openLedger } from '@calltrail/server';
import type { CliCommand, CliContext } from '../cli-command';

const NEW_KEY_ENV = 'CALLTRAIL_NEW_MASTER_KEY';

async function rotate(context: CliContext): Promise<void> {
  const newKeyText = context.env[NEW_KEY_ENV];
  if (!newKeyText) throw new Error(`${NEW_KEY_ENV}: set it to the new master key (32 bytes, base64 or hex)`);
  const newKey = masterKeyFromBytes(parseMasterKey(newKeyText, NEW_KEY_ENV));
  const ledger = await openLedger(loadConfig(context.env), { warn: context.err });
  try {
    if (newKey.id === ledger.masterKey.id) throw new Error(`${NEW_KEY_ENV}: is the current master key`);
    const result = await rotateMasterKey(ledger.database, ledger.masterKey, newKey);
    context.out(`Re-wrapped ${result.contactKeys} contact keys and ${result.secrets} vault secrets under master key ${newKey.id}.`);
    if (ledger.masterKey.source === 'file') {
      const path = ledger.masterKey.path!;
      writeFileSync(`${path}.new`, `${newKey.key.toString('base64')}\n`, { mode: 0o600 });
      renameSync(`${path}.new`, path);
      context.out(`The key file ${path} now holds the new key; the old key is gone.`);
    } else {
      context.out('Now set CALLTRAIL_MASTER_KEY to the new key, and destroy every copy of the old one.');
    }
  } finally {
    await ledger.close();
  }
}

const command: CliCommand = {
  register(program, context) {
    program
      .command('master-key')
      .description('Manage the master key that wraps every contact key.')
      .command('rotate')
      .description(
        `Re-wrap every contact key and vault secret under ${NEW_KEY_ENV}. Once the old key is destroyed, ` +
          'copies of wrapped keys in WAL, backups or freed disk blocks can never be unwrapped (docs/security.md).',
      )
      .action(() => rotate(context));
  },
};
export default command;
