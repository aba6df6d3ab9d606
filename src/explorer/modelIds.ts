/**
 * Groups the model ids Bedrock returns in job summaries: a base id, a cross-region profile id
 * (`us.`, `eu.`, `apac.`, `global.` + base id), or an ARN of either, all under the base model.
 */
export type ModelForm =
    | 'base'
    | 'profile'
    | 'base-arn'
    | 'profile-arn'
    | 'application-profile'
    | 'custom-model'
    | 'other';

export interface ModelRef {
    /**
     * What jobs are grouped by: the base model id (e.g. `anthropic.claude-3-haiku-20240307-v1:0`),
     * or the whole ARN when it names something without a base id (application profile, custom
     * model).
     */
    readonly baseId: string;
    /** How the job named it. */
    readonly form: ModelForm;
    /** The geography of a cross-region profile, e.g. `us`. */
    readonly geography?: string;
}

/** Prefixes of system-defined cross-region inference profiles. */
const geographies = ['us-gov', 'us', 'eu', 'apac', 'global', 'ca', 'jp', 'au'];

const arnPattern = /^arn:aws[a-z-]*:bedrock:[a-z0-9-]*:[0-9]*:([a-z-]+)\/(.+)$/;

export function parseModelId(modelId: string): ModelRef {
    const arn = arnPattern.exec(modelId);
    if (arn !== null) {
        const [, resource = '', id = ''] = arn;
        switch (resource) {
            case 'foundation-model':
                return { baseId: id, form: 'base-arn' };
            case 'inference-profile': {
                const profile = splitGeography(id);
                return profile === undefined
                    ? { baseId: id, form: 'profile-arn' }
                    : { baseId: profile.baseId, form: 'profile-arn', geography: profile.geography };
            }
            case 'application-inference-profile':
                return { baseId: modelId, form: 'application-profile' };
            case 'custom-model':
                return { baseId: modelId, form: 'custom-model' };
            default:
                return { baseId: modelId, form: 'other' };
        }
    }
    const profile = splitGeography(modelId);
    if (profile !== undefined) {
        return { baseId: profile.baseId, form: 'profile', geography: profile.geography };
    }
    return { baseId: modelId, form: 'base' };
}

function splitGeography(id: string): { geography: string; baseId: string } | undefined {
    const dot = id.indexOf('.');
    if (dot <= 0) {
        return undefined;
    }
    const geography = id.slice(0, dot);
    const rest = id.slice(dot + 1);
    // A base id is provider.model; a profile id has one more dotted segment in front.
    return geographies.includes(geography) && rest.includes('.')
        ? { geography, baseId: rest }
        : undefined;
}

/**
 * The model row's label. Base ids read as they are; ARNs without a base id keep their resource
 * and id (`application-inference-profile/abc123`) rather than the account-laden whole.
 */
export function modelLabel(baseId: string): string {
    const arn = arnPattern.exec(baseId);
    return arn === null ? baseId : `${arn[1] ?? ''}/${arn[2] ?? ''}`;
}

/** Short label of the form a job used, shown on its row; nothing for a plain base id. */
export function describeModelForm(ref: ModelRef): string | undefined {
    switch (ref.form) {
        case 'profile':
            return `via ${ref.geography ?? 'cross-region'} profile`;
        case 'profile-arn':
            return `via ${ref.geography === undefined ? '' : `${ref.geography} `}profile ARN`;
        case 'base-arn':
            return 'via model ARN';
        default:
            return undefined;
    }
}
