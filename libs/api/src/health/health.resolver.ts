import { QueryBus } from '@nestjs/cqrs';
import { Query, Resolver } from '@nestjs/graphql';
import { RequirePermission } from '../auth/require-permission.decorator';
import { Health } from './health.model';
import { HealthQuery } from './health.query';

@Resolver(() => Health)
export class HealthResolver {
  constructor(private readonly queryBus: QueryBus) {}

  @Query(() => Health, { description: 'Which store the ledger uses, its head position and where the data lives.' })
  @RequirePermission('health.read')
  health(): Promise<Health> {
    return this.queryBus.execute(new HealthQuery());
  }
}
