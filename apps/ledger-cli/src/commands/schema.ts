import { printApiSchema } from '@calltrail/server';
import type { CliCommand, CliContext } from '../cli-command';

async function schema(context: CliContext): Promise<void> {
  context.out((await printApiSchema()).trimEnd());
}

const command: CliCommand = {
  register(program, context) {
    program
      .command('schema')
      .description('Print the GraphQL schema (SDL, sorted), as committed in schemas/graphql/schema.graphql.')
      .action(() => schema(context));
  },
};
export default command;
