/**
 * What the host takes from a selection the page (or a restored page's state) asks for: only a
 * region it offered and only model ids it listed or was opened with. Anything else is dropped
 * and named, so the host can log it. The page can be scripted; the host decides.
 */
import type { ModelOption } from './protocol';

export interface RegionRequest {
    /** The region to use: the requested one when offered, else the current one. */
    readonly region?: string;
    /** The requested region when it was not offered. */
    readonly refused?: string;
}

export function admitRegion(
    requested: string | undefined,
    offered: readonly string[],
    current: string | undefined,
): RegionRequest {
    if (requested === undefined || requested === current || offered.includes(requested)) {
        const region = requested ?? current;
        return region === undefined ? {} : { region };
    }
    return current === undefined ? { refused: requested } : { region: current, refused: requested };
}

export interface ModelRequest {
    readonly modelIds: string[];
    readonly refused: string[];
}

/** Ids of the request that are listed in the region, were given by a command or are shown. */
export function admitModelIds(
    requested: readonly string[],
    listed: readonly ModelOption[],
    known: ReadonlySet<string>,
): ModelRequest {
    const modelIds: string[] = [];
    const refused: string[] = [];
    for (const id of requested) {
        (known.has(id) || listed.some((option) => option.id === id) ? modelIds : refused).push(id);
    }
    return { modelIds, refused };
}
