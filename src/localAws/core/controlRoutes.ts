/** The unsigned JSON control API under `/__local/`, for tests, demos and the simulators. */
import type { ControlRequest, ControlRouteHandler } from '../types';
import { LocalAwsError } from '../types';

interface Route {
    readonly method: string;
    readonly pattern: string;
    readonly segments: readonly string[];
    readonly handler: ControlRouteHandler;
}

export const CONTROL_PREFIX = '/__local/';

export class ControlRouter {
    private readonly routes: Route[] = [];

    register(method: string, pattern: string, handler: ControlRouteHandler): void {
        if (!pattern.startsWith(CONTROL_PREFIX)) {
            throw new Error(`control routes must start with ${CONTROL_PREFIX}: ${pattern}`);
        }
        const upper = method.toUpperCase();
        if (this.routes.some((r) => r.method === upper && r.pattern === pattern)) {
            throw new Error(`control route ${upper} ${pattern} is already registered`);
        }
        this.routes.push({ method: upper, pattern, segments: pattern.split('/'), handler });
    }

    /** Runs the matching route; 404 when no pattern matches, 405 when only the method differs. */
    async dispatch(
        method: string,
        path: string,
        query: URLSearchParams,
        body: unknown,
    ): Promise<unknown> {
        const segments = path.split('/');
        let pathMatched = false;
        for (const route of this.routes) {
            const params = matchSegments(route.segments, segments);
            if (params === undefined) {
                continue;
            }
            pathMatched = true;
            if (route.method !== method.toUpperCase()) {
                continue;
            }
            const request: ControlRequest = { method, path, query, body, params };
            return await route.handler(request);
        }
        throw pathMatched
            ? new LocalAwsError('MethodNotAllowed', 405, `${method} is not allowed on ${path}`)
            : new LocalAwsError('NotFound', 404, `no control route for ${method} ${path}`);
    }

    list(): string[] {
        return this.routes.map((r) => `${r.method} ${r.pattern}`);
    }
}

function matchSegments(
    pattern: readonly string[],
    actual: readonly string[],
): Record<string, string> | undefined {
    if (pattern.length !== actual.length) {
        return undefined;
    }
    const params: Record<string, string> = {};
    for (let i = 0; i < pattern.length; i++) {
        const p = pattern[i] ?? '';
        const a = actual[i] ?? '';
        if (p.startsWith(':')) {
            try {
                params[p.slice(1)] = decodeURIComponent(a);
            } catch {
                return undefined;
            }
        } else if (p !== a) {
            return undefined;
        }
    }
    return params;
}
