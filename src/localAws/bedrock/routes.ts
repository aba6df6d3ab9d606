/** Maps REST-JSON method + path to Bedrock operation names, with the path parameters decoded. */

export interface Route {
    readonly operation: string;
    /** Decoded `{jobIdentifier}`, `{modelIdentifier}` or `{inferenceProfileIdentifier}`. */
    readonly identifier?: string;
}

export function routeOf(method: string, rawPath: string): Route | undefined {
    const path = rawPath.split('?')[0] ?? '';
    const segments = path.split('/').slice(1);
    const decoded: string[] = [];
    for (const segment of segments) {
        try {
            decoded.push(decodeURIComponent(segment));
        } catch {
            return undefined;
        }
    }
    const [first = '', second, third, ...rest] = decoded;
    if (rest.length > 0) {
        return undefined;
    }
    const id = second === undefined || second.length === 0 ? undefined : second;
    switch (`${method} ${first}`) {
        case 'POST model-invocation-job':
            if (id === undefined && third === undefined) {
                return { operation: 'CreateModelInvocationJob' };
            }
            return id !== undefined && third === 'stop'
                ? { operation: 'StopModelInvocationJob', identifier: id }
                : undefined;
        case 'GET model-invocation-job':
            return id !== undefined && third === undefined
                ? { operation: 'GetModelInvocationJob', identifier: id }
                : undefined;
        case 'GET model-invocation-jobs':
            return id === undefined ? { operation: 'ListModelInvocationJobs' } : undefined;
        case 'GET foundation-models':
            if (third !== undefined) {
                return undefined;
            }
            return id === undefined
                ? { operation: 'ListFoundationModels' }
                : { operation: 'GetFoundationModel', identifier: id };
        case 'GET inference-profiles':
            if (third !== undefined) {
                return undefined;
            }
            return id === undefined
                ? { operation: 'ListInferenceProfiles' }
                : { operation: 'GetInferenceProfile', identifier: id };
        case 'POST inference-profiles':
            return id === undefined ? { operation: 'CreateInferenceProfile' } : undefined;
        case 'POST tagResource':
            return id === undefined ? { operation: 'TagResource' } : undefined;
        case 'POST untagResource':
            return id === undefined ? { operation: 'UntagResource' } : undefined;
        case 'POST listTagsForResource':
            return id === undefined ? { operation: 'ListTagsForResource' } : undefined;
        default:
            return undefined;
    }
}
