/**
 * What text typed into the model step means, against the region's list of models and profiles.
 * The typed text filters the list (VS Code matches it against labels and descriptions); a typed
 * id of its own is offered only when it is well-formed and not already listed. Pure: no vscode.
 */
import { modelIdProblem } from './jobFields';

export interface ListedModel {
    /** What goes into `modelId`. */
    readonly id: string;
    readonly label: string;
    readonly description?: string;
}

export type TypedModel =
    /** Nothing typed, or exactly a listed id (the listed row already stands for it). */
    | { readonly kind: 'none' }
    /** Not an id, but it narrows the list: the best match is on top. */
    | { readonly kind: 'filter' }
    /** Neither an id nor part of one in the list. */
    | { readonly kind: 'invalid'; readonly problem: string }
    /** A well-formed id not in the region's list (or no list to compare with). */
    | { readonly kind: 'unlisted'; readonly id: string; readonly listChecked: boolean }
    /** An ARN whose model or profile is listed: offered, without a warning. */
    | { readonly kind: 'listedArn'; readonly id: string; readonly listedId: string };

const RESOURCE_ARN =
    /^arn:aws[a-z-]*:bedrock:[a-z0-9-]*:\d*:(foundation-model|inference-profile)\/(.+)$/;

/** The region of a Bedrock ARN (any partition), when it names one. */
const ARN_REGION = /^arn:aws[a-z-]*:bedrock:([a-z0-9-]+):/;

/** Past this, the problem shows the start of the text only. */
const SHOWN_TEXT = 80;

function includes(text: string | undefined, part: string): boolean {
    return text !== undefined && text.toLowerCase().includes(part.toLowerCase());
}

/** Whether VS Code's quick pick keeps a row for this text (it matches substrings). */
export function matchesTyped(model: ListedModel, typed: string): boolean {
    return includes(model.label, typed) || includes(model.description, typed);
}

/**
 * @param listed the rows the step lists: the region's models and profiles, or only the recently
 *     used ids when the region could not be listed (`complete` false).
 * @param region the job's region: an ARN of another region (or partition) cannot be used there.
 */
export function classifyTyped(
    typed: string,
    listed: readonly ListedModel[],
    complete: boolean,
    region?: string,
): TypedModel {
    const value = typed.trim();
    if (value === '' || listed.some((m) => m.id === value)) {
        return { kind: 'none' };
    }
    const problem = value.length > SHOWN_TEXT ? longTextProblem(value) : modelIdProblem(value);
    if (problem !== undefined) {
        return listed.some((m) => matchesTyped(m, value))
            ? { kind: 'filter' }
            : { kind: 'invalid', problem };
    }
    const arnRegion = ARN_REGION.exec(value)?.[1];
    if (region !== undefined && arnRegion !== undefined && arnRegion !== region) {
        return {
            kind: 'invalid',
            problem:
                `${value} is in ${arnRegion}; a batch job in ${region} takes models and ` +
                `profiles of ${region}.`,
        };
    }
    const resource = RESOURCE_ARN.exec(value)?.[2];
    const listedId = listed.find((m) => m.id === resource)?.id;
    if (listedId !== undefined) {
        return { kind: 'listedArn', id: value, listedId };
    }
    return { kind: 'unlisted', id: value, listChecked: complete };
}

/** modelIdProblem without quoting a pasted page back in full. */
function longTextProblem(value: string): string | undefined {
    const problem = modelIdProblem(value);
    if (problem === undefined) {
        return undefined;
    }
    return problem.replace(value, `${value.slice(0, SHOWN_TEXT)}…`);
}
