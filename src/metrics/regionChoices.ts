/** The regions the panel's picker offers, and the one it shows. */

export interface RegionSources {
    /** Set in the sandbox: its endpoint serves this one region and no other. */
    readonly sandboxRegion?: string;
    /** The regions of the Batch Jobs view, in its order. */
    readonly viewRegions: readonly string[];
    /** `bedrockBatch.regions`. */
    readonly settingsRegions: readonly string[];
    /** The profile's (or environment's) region. */
    readonly defaultRegion?: string;
    /** The region asked for: by a command, in the panel, or by a restored panel. */
    readonly requested?: string;
}

export interface RegionChoice {
    /** Offered in the picker, the Batch Jobs view's regions first. */
    readonly regions: readonly string[];
    /** Shown now; undefined when there is no region at all. */
    readonly region?: string;
}

export function regionChoice(sources: RegionSources): RegionChoice {
    if (sources.sandboxRegion !== undefined) {
        return { regions: [sources.sandboxRegion], region: sources.sandboxRegion };
    }
    const regions = [
        ...new Set(
            [
                ...sources.viewRegions,
                ...sources.settingsRegions,
                sources.defaultRegion,
                sources.requested,
            ].filter((region): region is string => region !== undefined && region !== ''),
        ),
    ];
    const region = sources.requested ?? regions[0];
    return region === undefined ? { regions } : { regions, region };
}
