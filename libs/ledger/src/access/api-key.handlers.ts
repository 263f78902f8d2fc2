import { Inject } from '@nestjs/common';
import { Command, CommandHandler, Query, QueryHandler, type ICommandHandler, type IQueryHandler } from '@nestjs/cqrs';
import { API_KEYS } from '../tokens';
import type { ApiKeyRecord, ApiKeys, CreateApiKeyInput, CreatedApiKey } from './api-keys';

export class CreateApiKeyCommand extends Command<CreatedApiKey> {
  constructor(readonly input: CreateApiKeyInput) {
    super();
  }
}

export class RevokeApiKeyCommand extends Command<ApiKeyRecord> {
  constructor(readonly keyId: string) {
    super();
  }
}

export class ListApiKeysQuery extends Query<ApiKeyRecord[]> {}

@CommandHandler(CreateApiKeyCommand)
export class CreateApiKeyHandler implements ICommandHandler<CreateApiKeyCommand, CreatedApiKey> {
  constructor(@Inject(API_KEYS) private readonly apiKeys: ApiKeys) {}

  execute(command: CreateApiKeyCommand): Promise<CreatedApiKey> {
    return this.apiKeys.create(command.input);
  }
}

@CommandHandler(RevokeApiKeyCommand)
export class RevokeApiKeyHandler implements ICommandHandler<RevokeApiKeyCommand, ApiKeyRecord> {
  constructor(@Inject(API_KEYS) private readonly apiKeys: ApiKeys) {}

  execute(command: RevokeApiKeyCommand): Promise<ApiKeyRecord> {
    return this.apiKeys.revoke(command.keyId);
  }
}

@QueryHandler(ListApiKeysQuery)
export class ListApiKeysHandler implements IQueryHandler<ListApiKeysQuery, ApiKeyRecord[]> {
  constructor(@Inject(API_KEYS) private readonly apiKeys: ApiKeys) {}

  execute(): Promise<ApiKeyRecord[]> {
    return this.apiKeys.list();
  }
}

export const API_KEY_HANDLERS = [CreateApiKeyHandler, RevokeApiKeyHandler, ListApiKeysHandler];
