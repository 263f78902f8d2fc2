import { Module } from '@nestjs/common';
import { AuditCallsHandler, FindingsHandler, ProcessingRegisterHandler } from '@calltrail/reports';
import { AuditResolver } from './audit/audit.resolver';
import { FindingsResolver } from './findings/findings.resolver';
import { RegisterResolver } from './register/register.resolver';

/** Accountability on demand: the call audit, the findings and the processing register (reports.read). */
@Module({ providers: [AuditResolver, FindingsResolver, RegisterResolver, AuditCallsHandler, FindingsHandler, ProcessingRegisterHandler] })
export class AccountabilityModule {}
