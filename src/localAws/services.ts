/**
 * The registry of services the local endpoint serves. Each entry is a factory that receives the
 * ServiceModuleContext (clock, objects, accountId, region, metrics, control routes...). To add a
 * service, append its factory to the list below; `startLocalAws({ modules: ['s3', 'bedrock'] })`
 * picks factories by `name`.
 */
import type { ServiceModuleFactory } from './types';
import type { CredentialStore } from './core/credentials';
import type { S3Storage } from './s3/storage';
import { bedrockModule } from './bedrock';
import { cloudWatchModule } from './cloudwatch';
import { iamService } from './iam/iamModule';
import { s3Service } from './s3/s3Module';
import { serviceQuotasService } from './servicequotas/serviceQuotasModule';
import { snsService } from './sns/snsModule';
import { stsService } from './sts/stsModule';

/** What the built-in modules need beyond the ServiceModuleContext. */
export interface CoreInternals {
    readonly storage: S3Storage;
    readonly credentials: CredentialStore;
}

export function serviceFactories(internals: CoreInternals): ServiceModuleFactory[] {
    const iam = iamService();
    return [
        s3Service(internals.storage),
        stsService(internals.credentials),
        iam,
        snsService(),
        bedrockModule({ serviceRoles: () => iam.roles() }),
        cloudWatchModule(),
        serviceQuotasService(),
    ];
}
