/**
 * Collects constraint violations and reports them the way AWS's request validation does:
 * `2 validation errors detected: Value 'x' at 'jobName' failed to satisfy constraint: ...; ...`.
 */
import type { LocalAwsError } from '../types';
import { validationError } from './errors';

export class ConstraintViolations {
    private readonly found: string[] = [];

    get count(): number {
        return this.found.length;
    }

    add(path: string, value: unknown, constraint: string): void {
        this.found.push(
            `Value ${shown(value)} at '${path}' failed to satisfy constraint: ${constraint}`,
        );
    }

    required(path: string, value: unknown): boolean {
        if (value === undefined || value === null) {
            this.add(path, null, 'Member must not be null');
            return false;
        }
        return true;
    }

    /** Length bounds on a string or a list. */
    length(path: string, value: string | readonly unknown[], min: number, max: number): boolean {
        if (value.length < min) {
            this.add(path, value, `Member must have length greater than or equal to ${min}`);
            return false;
        }
        if (value.length > max) {
            this.add(path, value, `Member must have length less than or equal to ${max}`);
            return false;
        }
        return true;
    }

    /** A full (anchored) match of the service model's pattern. */
    pattern(path: string, value: string, pattern: string): boolean {
        if (!new RegExp(`^(?:${pattern})$`).test(value)) {
            this.add(path, value, `Member must satisfy regular expression pattern: ^${pattern}$`);
            return false;
        }
        return true;
    }

    range(path: string, value: number, min: number, max: number): boolean {
        if (value < min) {
            this.add(path, value, `Member must have value greater than or equal to ${min}`);
            return false;
        }
        if (value > max) {
            this.add(path, value, `Member must have value less than or equal to ${max}`);
            return false;
        }
        return true;
    }

    oneOf(path: string, value: string, allowed: readonly string[]): boolean {
        if (!allowed.includes(value)) {
            this.add(path, value, `Member must satisfy enum value set: [${allowed.join(', ')}]`);
            return false;
        }
        return true;
    }

    /** String member: required or optional, with length and pattern. */
    text(
        path: string,
        value: unknown,
        rule: { min: number; max: number; pattern?: string; required?: boolean },
    ): value is string {
        if (value === undefined || value === null) {
            if (rule.required === true) {
                this.required(path, value);
            }
            return false;
        }
        if (typeof value !== 'string') {
            this.add(path, value, 'Member must be a string');
            return false;
        }
        if (!this.length(path, value, rule.min, rule.max)) {
            return false;
        }
        return rule.pattern === undefined || this.pattern(path, value, rule.pattern);
    }

    error(): LocalAwsError | undefined {
        if (this.found.length === 0) {
            return undefined;
        }
        const noun = this.found.length === 1 ? 'validation error' : 'validation errors';
        return validationError(`${this.found.length} ${noun} detected: ${this.found.join('; ')}`);
    }

    throwIfAny(): void {
        const error = this.error();
        if (error !== undefined) {
            throw error;
        }
    }
}

function shown(value: unknown): string {
    if (value === null || value === undefined) {
        return 'null';
    }
    if (Array.isArray(value)) {
        return `'[${value.map((item) => plain(item)).join(', ')}]'`;
    }
    return `'${plain(value)}'`;
}

function plain(value: unknown): string {
    return typeof value === 'string' ? value : (JSON.stringify(value) ?? 'null');
}
