import { Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import type { Actor, EventStore } from '@calltrail/event-store';
import { DATABASE, EVENT_STORE, ExecuteDomainCommand, PII_VAULT } from '@calltrail/ledger';
import type { PiiVault } from '@calltrail/pii-vault';
import type { Database } from '@calltrail/sql';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { RequirePermission } from '../../auth/require-permission.decorator';
import { importDncSnapshot, type DncImportPorts } from './dnc-snapshot-import';
import { DncSnapshotImportModel } from './dnc-snapshot-import.model';
import { ImportDncSnapshotInput } from './import-dnc-snapshot.input';

@Resolver(() => DncSnapshotImportModel)
export class ImportDncSnapshotResolver {
  private readonly ports: DncImportPorts;

  constructor(
    commandBus: CommandBus,
    @Inject(DATABASE) database: Database,
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(PII_VAULT) vault: PiiVault,
  ) {
    this.ports = {
      database,
      store,
      vault,
      execute: (command, actor, options) => commandBus.execute(new ExecuteDomainCommand(command, actor, options)),
    };
  }

  @Mutation(() => DncSnapshotImportModel, {
    description:
      'Imports a do-not-call registry snapshot (compliance): stores each number as a keyed hash and records DncSnapshotImported with the count and digest. The same snapshot again stores nothing new.',
  })
  @RequirePermission('ledger.administer')
  async importDncSnapshot(
    @CurrentActor() actor: Actor,
    @Args('input') input: ImportDncSnapshotInput,
    @Args('commandId', { type: () => ID, nullable: true }) commandId?: string | null,
  ): Promise<DncSnapshotImportModel> {
    const imported = await importDncSnapshot(this.ports, actor, {
      registry: input.registry,
      version: input.version,
      takenAt: input.takenAt.toISOString(),
      occurredAt: input.occurredAt?.toISOString() ?? null,
      lines: input.numbers,
      layout: 'numbers',
      commandId: commandId ?? null,
    });
    return imported;
  }
}
