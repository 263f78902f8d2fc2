import { Module } from '@nestjs/common';
import { ELIGIBILITY_HANDLERS } from '@calltrail/ledger';
import { EligibilityResolver } from './eligibility.resolver';

@Module({ providers: [EligibilityResolver, ...ELIGIBILITY_HANDLERS] })
export class EligibilityModule {}
