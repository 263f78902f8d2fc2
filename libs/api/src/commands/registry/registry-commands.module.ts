import { Module } from '@nestjs/common';
import { ImportDncSnapshotResolver } from './import-dnc-snapshot.resolver';

/** The registry stream's mutations: DNC snapshot imports. */
@Module({ providers: [ImportDncSnapshotResolver] })
export class RegistryCommandsModule {}
