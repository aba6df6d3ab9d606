/** Typed access to a CloudWatch JSON request; errors name the query-style parameter path. */
import { invalidValue, missing, timestampMs } from './wire';

export type Json = Record<string, unknown>;

interface TextRule {
    readonly required?: boolean;
    readonly min?: number;
    readonly max?: number;
    readonly pattern?: RegExp;
    readonly oneOf?: readonly string[];
}

/** One JSON object of the request, at a parameter path like `MetricDataQueries.member.1`. */
export class Params {
    constructor(
        readonly value: Json,
        readonly path = '',
    ) {}

    static of(value: unknown, path = ''): Params {
        return new Params(
            value !== null && typeof value === 'object' && !Array.isArray(value)
                ? (value as Json)
                : {},
            path,
        );
    }

    name(member: string): string {
        return this.path === '' ? member : `${this.path}.${member}`;
    }

    /** The member's value; absent and null are both undefined, or a missing error if required. */
    private given(member: string, required: boolean | undefined): unknown {
        const raw = this.value[member];
        if (raw === undefined || raw === null) {
            if (required === true) {
                throw missing(this.name(member));
            }
            return undefined;
        }
        return raw;
    }

    has(member: string): boolean {
        return this.value[member] !== undefined && this.value[member] !== null;
    }

    text(member: string, rule: TextRule & { required: true }): string;
    text(member: string, rule?: TextRule): string | undefined;
    text(member: string, rule: TextRule = {}): string | undefined {
        const raw = this.given(member, rule.required);
        const name = this.name(member);
        if (raw === undefined) {
            return undefined;
        }
        if (typeof raw !== 'string') {
            throw invalidValue(`The value for parameter ${name} must be a string.`);
        }
        if (
            (rule.min !== undefined && raw.length < rule.min) ||
            (rule.max !== undefined && raw.length > rule.max)
        ) {
            throw invalidValue(
                `The value ${raw} for parameter ${name} must have a length between ` +
                    `${rule.min ?? 0} and ${rule.max ?? 'unlimited'}.`,
            );
        }
        if (rule.pattern !== undefined && !rule.pattern.test(raw)) {
            throw invalidValue(`The value ${raw} for parameter ${name} is not valid.`);
        }
        if (rule.oneOf !== undefined && !rule.oneOf.includes(raw)) {
            throw invalidValue(
                `The value ${raw} for parameter ${name} is not valid. Valid values: ` +
                    `${rule.oneOf.join(', ')}.`,
            );
        }
        return raw;
    }

    number(
        member: string,
        rule: { required: true; min?: number; max?: number; integer?: boolean },
    ): number;
    number(
        member: string,
        rule?: { required?: boolean; min?: number; max?: number; integer?: boolean },
    ): number | undefined;
    number(
        member: string,
        rule: { required?: boolean; min?: number; max?: number; integer?: boolean } = {},
    ): number | undefined {
        const raw = this.given(member, rule.required);
        const name = this.name(member);
        if (raw === undefined) {
            return undefined;
        }
        if (
            typeof raw !== 'number' ||
            !Number.isFinite(raw) ||
            (rule.integer === true && !Number.isInteger(raw))
        ) {
            throw invalidValue(
                `The value ${JSON.stringify(raw)} for parameter ${name} is not a valid number.`,
            );
        }
        if (
            (rule.min !== undefined && raw < rule.min) ||
            (rule.max !== undefined && raw > rule.max)
        ) {
            throw invalidValue(
                `The value ${raw} for parameter ${name} must be between ${rule.min ?? '-inf'} ` +
                    `and ${rule.max ?? 'inf'}.`,
            );
        }
        return raw;
    }

    bool(member: string): boolean | undefined {
        const raw = this.given(member, false);
        if (raw === undefined) {
            return undefined;
        }
        if (typeof raw !== 'boolean') {
            throw invalidValue(`The value for parameter ${this.name(member)} must be a boolean.`);
        }
        return raw;
    }

    time(member: string, required: true): number;
    time(member: string, required?: boolean): number | undefined;
    time(member: string, required = false): number | undefined {
        const raw = this.given(member, required);
        return raw === undefined ? undefined : timestampMs(raw, this.name(member));
    }

    /** A list member; items are returned with their 1-based `member.N` paths. */
    list(member: string, rule: { required?: boolean; max?: number; min?: number } = {}): unknown[] {
        const raw = this.given(member, rule.required);
        const name = this.name(member);
        if (raw === undefined) {
            return [];
        }
        if (!Array.isArray(raw)) {
            throw invalidValue(`The value for parameter ${name} must be a list.`);
        }
        if (rule.min !== undefined && raw.length < rule.min) {
            throw missing(`${name}.member.1`);
        }
        if (rule.max !== undefined && raw.length > rule.max) {
            throw invalidValue(
                `The collection ${name} must not have a size greater than ${rule.max}.`,
            );
        }
        return raw;
    }

    objects(
        member: string,
        rule: { required?: boolean; max?: number; min?: number } = {},
    ): Params[] {
        return this.list(member, rule).map((item, i) =>
            Params.of(item, `${this.name(member)}.member.${i + 1}`),
        );
    }

    strings(
        member: string,
        rule: { required?: boolean; max?: number; min?: number } = {},
    ): string[] {
        return this.list(member, rule).map((item, i) => {
            if (typeof item !== 'string') {
                throw invalidValue(
                    `The value for parameter ${this.name(member)}.member.${i + 1} ` +
                        'must be a string.',
                );
            }
            return item;
        });
    }

    child(member: string): Params | undefined {
        return this.has(member) ? Params.of(this.value[member], this.name(member)) : undefined;
    }
}
