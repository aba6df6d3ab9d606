// Settings for the tests' own SDK clients (seeding buckets, reading back what the extension
// wrote): the local endpoint, a region it serves and its made-up credentials.
import type { LocalAws } from '../../../src/localAws';

export interface LocalClientConfig {
    readonly region: string;
    readonly endpoint: string;
    readonly credentials: LocalAws['credentials'];
}

export function localClientConfig(aws: LocalAws, region = aws.region): LocalClientConfig {
    return { region, endpoint: aws.endpoint, credentials: aws.credentials };
}
