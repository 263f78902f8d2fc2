import { Module } from '@nestjs/common';
import { COMMAND_PIPELINE_PROVIDERS } from '@calltrail/ledger';
import { CallCommandsResolver } from './call/call-commands.resolver';
import { ContactCommandsResolver } from './contact/contact-commands.resolver';

/**
 * The command pipeline every mutation goes through (ExecuteDomainCommand and its handler), and the
 * mutations of the contact and call streams.
 */
@Module({ providers: [...COMMAND_PIPELINE_PROVIDERS, ContactCommandsResolver, CallCommandsResolver] })
export class CommandsModule {}
