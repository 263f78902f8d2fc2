import { Module } from '@nestjs/common';
import { CampaignCommandsResolver } from './campaign/campaign-commands.resolver';
import { OrganisationCommandsResolver } from './organisation/organisation-commands.resolver';
import { ProcessorCommandsResolver } from './processor/processor-commands.resolver';

/**
 * The mutations of the campaign, processor and organisation streams. Each sends an
 * ExecuteDomainCommand; its handler (provided by the domain commands module) authorises,
 * decides, validates and appends.
 */
@Module({ providers: [CampaignCommandsResolver, ProcessorCommandsResolver, OrganisationCommandsResolver] })
export class LedgerAdminCommandsModule {}
