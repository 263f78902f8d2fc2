import { QueryBus } from '@nestjs/cqrs';
import { Args, Query, Resolver } from '@nestjs/graphql';
import { ProcessingRegisterQuery } from '@calltrail/reports';
import { RequirePermission } from '../../auth/require-permission.decorator';
import { ProcessingRegisterModel } from './register.model';

@Resolver(() => ProcessingRegisterModel)
export class RegisterResolver {
  constructor(private readonly queryBus: QueryBus) {}

  @Query(() => ProcessingRegisterModel, {
    description: 'The processing register (GDPR Art. 30(1)) as of a date (default now), built from the dated facts of the register projection by when they occurred (LEGAL basis); every cell carries the ids of the events behind it.',
  })
  @RequirePermission('reports.read')
  async processingRegister(
    @Args('asOf', { type: () => Date, nullable: true, description: 'The date of the register; absent: now.' }) asOf?: Date | null,
  ): Promise<ProcessingRegisterModel> {
    const register = await this.queryBus.execute(new ProcessingRegisterQuery(asOf ?? new Date()));
    return { ...register, asOf: new Date(register.asOf) } as ProcessingRegisterModel;
  }
}
