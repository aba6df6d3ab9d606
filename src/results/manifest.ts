/** `manifest.json.out`: the record and token counts Bedrock writes next to the `.out` files. */
import { isObject } from './outputLine';

export const MANIFEST_FILE_NAME = 'manifest.json.out';

export interface Manifest {
    readonly totalRecordCount: number | undefined;
    readonly processedRecordCount: number | undefined;
    readonly successRecordCount: number | undefined;
    readonly errorRecordCount: number | undefined;
    readonly inputTokenCount: number | undefined;
    readonly outputTokenCount: number | undefined;
}

const FIELDS = [
    'totalRecordCount',
    'processedRecordCount',
    'successRecordCount',
    'errorRecordCount',
    'inputTokenCount',
    'outputTokenCount',
] as const;

export type ParsedManifest =
    | { readonly ok: true; readonly manifest: Manifest }
    | { readonly ok: false; readonly problem: string };

/** Reads the counts; unknown keys are ignored, counts written as numeric strings accepted. */
export function parseManifest(text: string): ParsedManifest {
    let value: unknown;
    try {
        value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        return { ok: false, problem: `${MANIFEST_FILE_NAME} is not valid JSON (${reason})` };
    }
    if (!isObject(value)) {
        return { ok: false, problem: `${MANIFEST_FILE_NAME} is not a JSON object` };
    }
    const counts: Record<string, number | undefined> = {};
    let found = 0;
    for (const field of FIELDS) {
        counts[field] = countOf(value[field]);
        found += counts[field] === undefined ? 0 : 1;
    }
    if (found === 0) {
        return {
            ok: false,
            problem: `${MANIFEST_FILE_NAME} has none of the record or token counts`,
        };
    }
    return {
        ok: true,
        manifest: {
            totalRecordCount: counts['totalRecordCount'],
            processedRecordCount: counts['processedRecordCount'],
            successRecordCount: counts['successRecordCount'],
            errorRecordCount: counts['errorRecordCount'],
            inputTokenCount: counts['inputTokenCount'],
            outputTokenCount: counts['outputTokenCount'],
        },
    };
}

function countOf(value: unknown): number | undefined {
    if (typeof value === 'number') {
        return Number.isFinite(value) && value >= 0 ? value : undefined;
    }
    if (typeof value === 'string' && /^\d+$/.test(value.trim())) {
        return Number(value.trim());
    }
    return undefined;
}
