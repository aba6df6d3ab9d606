/** PutDashboard, GetDashboard, ListDashboards and DeleteDashboards (global per account). */
import type { Params } from './input';
import type { Scope } from './metricOperations';
import { decodeToken, encodeToken } from './paging';
import { cloudWatchError, epochSeconds } from './wire';
import { LocalAwsError } from '../types';

interface Dashboard {
    readonly name: string;
    readonly arn: string;
    readonly body: string;
    readonly lastModifiedMs: number;
}

interface ValidationMessage {
    readonly DataPath: string;
    readonly Message: string;
}

const NAME = /^[A-Za-z0-9_-]+$/;
const WIDGET_TYPES = ['metric', 'text', 'log', 'alarm', 'explorer', 'custom'];
const ALLOWED_TYPES = JSON.stringify(WIDGET_TYPES);
const PAGE = 1000;

export class DashboardOperations {
    private readonly dashboards = new Map<string, Dashboard>();

    constructor(private readonly now: () => number) {}

    put(scope: Scope, p: Params): Record<string, unknown> {
        const name = p.text('DashboardName', { required: true, min: 1, max: 255 });
        const body = p.text('DashboardBody', { required: true });
        const messages: ValidationMessage[] = [];
        if (!NAME.test(name)) {
            messages.push({
                DataPath: '/DashboardName',
                Message:
                    'Dashboard name should only contain letters, digits, dashes and underscores',
            });
        }
        messages.push(...validateBody(body));
        if (messages.length > 0) {
            const error = cloudWatchError(
                'DashboardInvalidInputError',
                'The dashboard body is invalid, there are ' +
                    `${messages.length} validation errors: ${JSON.stringify(messages)}`,
            );
            throw withMessages(error, messages);
        }
        this.dashboards.set(this.key(scope, name), {
            name,
            arn: `arn:aws:cloudwatch::${scope.accountId}:dashboard/${name}`,
            body,
            lastModifiedMs: this.now(),
        });
        return { DashboardValidationMessages: [] };
    }

    get(scope: Scope, p: Params): Record<string, unknown> {
        const name = p.text('DashboardName', { required: true, min: 1, max: 255 });
        const dashboard = this.dashboards.get(this.key(scope, name));
        if (dashboard === undefined) {
            throw cloudWatchError('DashboardNotFoundError', `Dashboard ${name} does not exist`);
        }
        return {
            DashboardArn: dashboard.arn,
            DashboardBody: dashboard.body,
            DashboardName: dashboard.name,
        };
    }

    list(scope: Scope, p: Params): Record<string, unknown> {
        const prefix = p.text('DashboardNamePrefix', { min: 1, max: 255 }) ?? '';
        const all = [...this.dashboards.entries()]
            .filter(
                ([key, d]) => key.startsWith(`${scope.accountId}/`) && d.name.startsWith(prefix),
            )
            .map(([, d]) => d)
            .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
        const offset = decodeToken(p.text('NextToken'), prefix);
        const page = all.slice(offset, offset + PAGE);
        const end = offset + page.length;
        return {
            DashboardEntries: page.map((d) => ({
                DashboardName: d.name,
                DashboardArn: d.arn,
                LastModified: epochSeconds(d.lastModifiedMs),
                Size: Buffer.byteLength(d.body, 'utf8'),
            })),
            ...(end < all.length ? { NextToken: encodeToken(end, prefix) } : {}),
        };
    }

    delete(scope: Scope, p: Params): Record<string, never> {
        const names = p.strings('DashboardNames', { required: true, min: 1 });
        const unknown = names.filter((n) => !this.dashboards.has(this.key(scope, n)));
        if (unknown.length > 0) {
            throw cloudWatchError(
                'DashboardNotFoundError',
                `Dashboard ${unknown.join(', ')} does not exist`,
            );
        }
        for (const name of names) {
            this.dashboards.delete(this.key(scope, name));
        }
        return {};
    }

    private key(scope: Scope, name: string): string {
        return `${scope.accountId}/${name}`;
    }
}

/** Real CloudWatch attaches the messages to the error; the message text carries them here too. */
function withMessages(error: LocalAwsError, messages: ValidationMessage[]): LocalAwsError {
    return new LocalAwsError(error.code, error.status, error.message, error.fault, {
        dashboardValidationMessages: JSON.stringify(messages),
    });
}

export function validateBody(body: string): ValidationMessage[] {
    let parsed: unknown;
    try {
        parsed = JSON.parse(body);
    } catch (error) {
        return [
            {
                DataPath: '',
                Message: `Invalid JSON: ${error instanceof Error ? error.message : 'parse error'}`,
            },
        ];
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
        return [{ DataPath: '', Message: 'Should be object' }];
    }
    const widgets = (parsed as Record<string, unknown>)['widgets'];
    if (!Array.isArray(widgets)) {
        return [{ DataPath: '', Message: "Should have required property 'widgets'" }];
    }
    const messages: ValidationMessage[] = [];
    widgets.forEach((widget, i) => {
        const at = `/widgets/${i}`;
        if (widget === null || typeof widget !== 'object' || Array.isArray(widget)) {
            messages.push({ DataPath: at, Message: 'Should be object' });
            return;
        }
        const w = widget as Record<string, unknown>;
        if (typeof w['type'] !== 'string' || !WIDGET_TYPES.includes(w['type'])) {
            messages.push({
                DataPath: `${at}/type`,
                Message: `Should be equal to one of the allowed values ${ALLOWED_TYPES}`,
            });
        }
        for (const key of ['x', 'y', 'width', 'height']) {
            if (
                w[key] !== undefined &&
                (typeof w[key] !== 'number' || !Number.isInteger(w[key]) || w[key] < 0)
            ) {
                messages.push({ DataPath: `${at}/${key}`, Message: 'Should be integer' });
            }
        }
        if (typeof w['width'] === 'number' && (w['width'] < 1 || w['width'] > 24)) {
            messages.push({ DataPath: `${at}/width`, Message: 'Should be <= 24 and >= 1' });
        }
        const properties = w['properties'];
        if (properties === null || typeof properties !== 'object' || Array.isArray(properties)) {
            messages.push({ DataPath: at, Message: "Should have required property 'properties'" });
            return;
        }
        const props = properties as Record<string, unknown>;
        if (w['type'] === 'metric') {
            if (props['metrics'] === undefined && props['annotations'] === undefined) {
                messages.push({
                    DataPath: `${at}/properties`,
                    Message: "Should have required property 'metrics'",
                });
            } else if (props['metrics'] !== undefined && !Array.isArray(props['metrics'])) {
                messages.push({ DataPath: `${at}/properties/metrics`, Message: 'Should be array' });
            }
            if (typeof props['region'] !== 'string') {
                messages.push({
                    DataPath: `${at}/properties`,
                    Message: "Should have required property 'region'",
                });
            }
        }
        if (w['type'] === 'text' && typeof props['markdown'] !== 'string') {
            messages.push({
                DataPath: `${at}/properties`,
                Message: "Should have required property 'markdown'",
            });
        }
    });
    return messages;
}
