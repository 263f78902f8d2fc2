import { Module } from '@nestjs/common';
import { API_KEY_HANDLERS } from '@calltrail/ledger';
import { ApiKeysResolver } from './api-keys.resolver';

@Module({ providers: [ApiKeysResolver, ...API_KEY_HANDLERS] })
export class ApiKeysModule {}
