import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CreateApiKeyCommand, ListApiKeysQuery, RevokeApiKeyCommand } from '@calltrail/ledger';
import { RequirePermission } from '../auth/require-permission.decorator';
import { ApiKey, CreatedApiKey } from './api-key.model';
import { CreateApiKeyInput } from './create-api-key.input';

@Resolver(() => ApiKey)
export class ApiKeysResolver {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Query(() => [ApiKey], { description: 'Every API key, revoked ones included (admin).' })
  @RequirePermission('keys.manage')
  apiKeys(): Promise<ApiKey[]> {
    return this.queryBus.execute(new ListApiKeysQuery());
  }

  @Mutation(() => CreatedApiKey, { description: 'Creates an API key (admin). Its secret is shown once.' })
  @RequirePermission('keys.manage')
  async createApiKey(@Args('input') input: CreateApiKeyInput): Promise<CreatedApiKey> {
    const created = await this.commandBus.execute(new CreateApiKeyCommand(input));
    return { key: created.key, apiKey: created.record };
  }

  @Mutation(() => ApiKey, { description: 'Revokes an API key for good (admin).' })
  @RequirePermission('keys.manage')
  revokeApiKey(@Args('keyId', { type: () => ID }) keyId: string): Promise<ApiKey> {
    return this.commandBus.execute(new RevokeApiKeyCommand(keyId));
  }
}
