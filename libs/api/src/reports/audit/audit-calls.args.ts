import { ArgsType } from '@nestjs/graphql';
import { InstantField, UuidField } from '../../commands/input-fields';

@ArgsType()
export class AuditCallsArgs {
  @InstantField({ description: 'The first moment of the period (inclusive).' })
  from!: Date;

  @InstantField({ description: 'The end of the period (exclusive); after `from`.' })
  to!: Date;

  @UuidField({ nullable: true, description: 'Only the calls of this campaign.' })
  campaignId?: string | null;

  @UuidField({ nullable: true, description: 'Only the calls of this processor (call centre).' })
  processorId?: string | null;
}
