import { serveLedger } from '@calltrail/server';
import type { CliCommand } from '../cli-command';

const command: CliCommand = {
  register(program, context) {
    program
      .command('serve', { isDefault: true })
      .description(
        'Open the store (CALLTRAIL_STORE=pglite|postgres|eventstoredb), apply migrations, and serve GraphQL ' +
          'on 127.0.0.1:CALLTRAIL_PORT (default 4000) at /graphql. On a new ledger, print an admin key once.',
      )
      .action(() => serveLedger(context));
  },
};
export default command;
