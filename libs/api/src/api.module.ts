import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginSchemaReportingDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Module, type DynamicModule, type Provider, type Type } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { GraphQLModule } from '@nestjs/graphql';
import { ApiKeyGuard } from './auth/api-key.guard';
import { graphqlContext } from './auth/graphql-context';
import { createFormatError, type FormatErrorOptions } from './errors/format-error';
import { inputValidationPipe } from './errors/input-validation';
import { PassToGraphqlFilter } from './errors/pass-through.filter';
import { ApiKeysModule } from './api-keys/api-keys.module';
import { HealthModule } from './health/health.module';
import { EligibilityModule } from './eligibility/eligibility.module';
import { LedgerAdminCommandsModule } from './commands/ledger-admin-commands.module';
import { CommandsModule } from './commands/commands.module';
import { RegistryCommandsModule } from './commands/registry/registry-commands.module';
import { AccountabilityModule } from './reports/accountability.module';
import { EvidenceReportsModule } from './reports/evidence-reports.module';

/** One module per use-case area; add a new area's module here. */
export const FEATURE_MODULES: Type[] = [HealthModule, ApiKeysModule, EligibilityModule, LedgerAdminCommandsModule, CommandsModule, RegistryCommandsModule, AccountabilityModule, EvidenceReportsModule];

export const GRAPHQL_PATH = '/graphql';

export interface CalltrailApiOptions extends FormatErrorOptions {
  /**
   * The adapters behind the port tokens of @calltrail/ledger (EVENT_STORE, DATABASE, PII_VAULT,
   * API_KEYS, LEDGER_INFO), chosen by the app's wiring.
   */
  ports: Array<Provider & { provide: symbol }>;
}

@Module({})
class PortsModule {}

/** The GraphQL API: code-first schema, API-key guard on every field, coded errors, CQRS buses. */
@Module({})
export class CalltrailApiModule {
  static forRoot(options: CalltrailApiOptions): DynamicModule {
    const ports: DynamicModule = {
      module: PortsModule,
      global: true,
      providers: options.ports,
      exports: options.ports.map((port) => port.provide),
    };
    return {
      module: CalltrailApiModule,
      imports: [
        ports,
        CqrsModule.forRoot(),
        GraphQLModule.forRoot<ApolloDriverConfig>({
          driver: ApolloDriver,
          path: GRAPHQL_PATH,
          autoSchemaFile: true,
          sortSchema: true,
          context: graphqlContext,
          formatError: createFormatError(options),
          includeStacktraceInErrorResponses: false,
          // The schema is public (schemas/graphql/schema.graphql, `calltrail schema`): clients and
          // code generators may introspect it also where NODE_ENV=production turns Apollo's default off.
          introspection: true,
          plugins: [
            // No field carries a cache hint; the plugin would still wrap every field's resolver.
            ApolloServerPluginCacheControlDisabled(),
            // Nothing about the ledger's requests leaves it, whatever APOLLO_KEY the environment holds.
            ApolloServerPluginUsageReportingDisabled(),
            ApolloServerPluginSchemaReportingDisabled(),
            ApolloServerPluginInlineTraceDisabled(),
          ],
        }),
        ...FEATURE_MODULES,
      ],
      providers: [
        { provide: APP_GUARD, useClass: ApiKeyGuard },
        { provide: APP_PIPE, useFactory: inputValidationPipe },
        { provide: APP_FILTER, useClass: PassToGraphqlFilter },
      ],
    };
  }
}
