/**
 * Groups the model ids Bedrock returns in job summaries: a base id, a cross-region profile id
 * (`us.`, `eu.`, `apac.`, `global.` + base id), or an ARN of either, all under the base model.
 */
export interface ModelRef {
    /** The model the job runs, e.g. `anthropic.claude-3-haiku-20240307-v1:0`. */
    readonly baseId: string;
    /** How the job named it. */
    readonly form: 'base' | 'profile' | 'base-arn' | 'profile-arn' | 'application-profile' | 'custom-model' | 'other';
    /** The geography of a cross-region profile, e.g. `us`. */
    readonly geography?: string;
}

const geographies = ['us-gov', 'us', 'eu', 'apac', 'global', 'ca', 'jp', 'au'];

export function parseModelId(modelId: string): ModelRef {
    const arn = /^arn:aws[a-z-]*:bedrock:[a-z0-9-]*:[0-9]*:([a-z-]+)\/(.+)$/.exec(modelId);
    if (arn !== null) {
        const [, resource = '', id = ''] = arn;
        if (resource === 'foundation-model') {
            return { baseId: id, form: 'base-arn' };
        }
        if (resource === 'inference-profile') {
            const profile = splitGeography(id);
            return profile === undefined
                ? { baseId: id, form: 'profile-arn' }
                : { baseId: profile.baseId, form: 'profile-arn', geography: profile.geography };
        }
        if (resource === 'application-inference-profile') {
            return { baseId: modelId, form: 'application-profile' };
        }
        if (resource === 'custom-model') {
            return { baseId: modelId, form: 'custom-model' };
        }
        return { baseId: modelId, form: 'other' };
    }
    const profile = splitGeography(modelId);
    if (profile !== undefined) {
        return { baseId: profile.baseId, form: 'profile', geography: profile.geography };
    }
    return { baseId: modelId, form: 'base' };
}

function splitGeography(id: string): { geography: string; baseId: string } | undefined {
    const dot = id.indexOf('.');
    const geography = id.slice(0, dot);
    const rest = id.slice(dot + 1);
    // A base id is provider.model; a profile id has one more dotted segment in front.
    if (dot > 0 && geographies.includes(geography) && rest.includes('.')) {
        return { geography, baseId: rest };
    }
    return undefined;
}

/** Short label of the form, shown on the job row. */
export function describeModelForm(ref: ModelRef): string | undefined {
    switch (ref.form) {
        case 'profile':
        case 'profile-arn':
            return `${ref.geography ?? 'cross-region'} profile${ref.form === 'profile-arn' ? ' ARN' : ''}`;
        case 'base-arn':
            return 'model ARN';
        case 'application-profile':
            return 'application profile';
        default:
            return undefined;
    }
}
