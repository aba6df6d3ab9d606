/** Where the simulated Bedrock exists, and the geographies its system inference profiles span. */

export type Geography = 'us' | 'eu' | 'apac' | 'global';

export const GEOGRAPHY_REGIONS: Readonly<Record<Exclude<Geography, 'global'>, readonly string[]>> =
    {
        us: ['us-east-1', 'us-east-2', 'us-west-2'],
        eu: ['eu-central-1', 'eu-west-1', 'eu-west-3', 'eu-north-1'],
        apac: [
            'ap-northeast-1',
            'ap-northeast-2',
            'ap-south-1',
            'ap-southeast-1',
            'ap-southeast-2',
        ],
    };

/** Regions with a Bedrock endpoint in this simulation. Any other region has no models at all. */
export const BEDROCK_REGIONS: readonly string[] = [
    ...GEOGRAPHY_REGIONS.us,
    ...GEOGRAPHY_REGIONS.eu,
    ...GEOGRAPHY_REGIONS.apac,
    'ca-central-1',
    'eu-west-2',
    'sa-east-1',
];

/** The geography a region sends cross-region profile traffic within, if any. */
export function geographyOf(region: string): Exclude<Geography, 'global'> | undefined {
    for (const geo of ['us', 'eu', 'apac'] as const) {
        if (GEOGRAPHY_REGIONS[geo].includes(region)) {
            return geo;
        }
    }
    return undefined;
}

/** Regions from which a profile of this geography can be called. */
export function sourceRegions(geo: Geography): readonly string[] {
    return geo === 'global'
        ? BEDROCK_REGIONS.filter((r) => geographyOf(r) !== undefined)
        : GEOGRAPHY_REGIONS[geo];
}

export const GEO_LABELS: Readonly<Record<Geography, string>> = {
    us: 'US',
    eu: 'EU',
    apac: 'APAC',
    global: 'Global',
};
