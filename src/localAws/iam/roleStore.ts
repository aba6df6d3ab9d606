/** IAM roles with their trust policies and inline policies. */
import { randomBytes } from 'node:crypto';
import { LocalAwsError } from '../types';

export interface Role {
    readonly roleName: string;
    readonly roleId: string;
    readonly path: string;
    readonly arn: string;
    readonly createdMs: number;
    /** The trust policy as JSON text. */
    readonly assumeRolePolicyDocument: string;
    readonly description?: string;
    readonly maxSessionDuration: number;
    readonly inlinePolicies: Map<string, string>;
}

export interface NewRole {
    readonly roleName: string;
    readonly assumeRolePolicyDocument: string;
    readonly path?: string;
    readonly description?: string;
    readonly maxSessionDuration?: number;
}

const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function roleId(): string {
    return `AROA${[...randomBytes(17)].map((b) => ID_ALPHABET[b % 32] ?? 'A').join('')}`;
}

function checkPolicyJson(document: string, what: string): void {
    try {
        const parsed: unknown = JSON.parse(document);
        if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
            throw new Error('not an object');
        }
    } catch {
        throw new LocalAwsError(
            'MalformedPolicyDocument',
            400,
            `${what} is not a valid JSON policy document`,
        );
    }
}

export function trustPolicyFor(service: string): string {
    return JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' }],
    });
}

export class RoleStore {
    private readonly roles = new Map<string, Role>();

    constructor(private readonly accountId: string) {}

    create(input: NewRole): Role {
        const path = input.path ?? '/';
        if (!/^[\w+=,.@-]{1,64}$/.test(input.roleName)) {
            throw new LocalAwsError(
                'ValidationError',
                400,
                `1 validation error detected: Value '${input.roleName}' at 'roleName' failed ` +
                'to satisfy constraint: Member must satisfy regular expression pattern: ' +
                    '[\\w+=,.@-]+',
            );
        }
        if (!/^\/([\x21-\x7e]*\/)?$/.test(path)) {
            throw new LocalAwsError(
                'ValidationError',
                400,
                'The specified value for path is invalid. It must begin and end with / and ' +
                'contain only alphanumeric characters and/or / characters.',
            );
        }
        if (this.find(input.roleName) !== undefined) {
            throw new LocalAwsError(
                'EntityAlreadyExists',
                409,
                `Role with name ${input.roleName} already exists.`,
            );
        }
        checkPolicyJson(input.assumeRolePolicyDocument, 'AssumeRolePolicyDocument');
        const role: Role = {
            roleName: input.roleName,
            roleId: roleId(),
            path,
            arn: `arn:aws:iam::${this.accountId}:role${path}${input.roleName}`,
            createdMs: Date.now(),
            assumeRolePolicyDocument: input.assumeRolePolicyDocument,
            ...(input.description === undefined ? {} : { description: input.description }),
            maxSessionDuration: input.maxSessionDuration ?? 3600,
            inlinePolicies: new Map(),
        };
        this.roles.set(input.roleName.toLowerCase(), role);
        return role;
    }

    /** Role names are unique regardless of case, as in IAM. */
    find(roleName: string): Role | undefined {
        return this.roles.get(roleName.toLowerCase());
    }

    get(roleName: string): Role {
        const role = this.find(roleName);
        if (role === undefined) {
            throw new LocalAwsError(
                'NoSuchEntity',
                404,
                `The role with name ${roleName} cannot be found.`,
            );
        }
        return role;
    }

    list(pathPrefix = '/'): Role[] {
        return [...this.roles.values()]
            .filter((r) => r.path.startsWith(pathPrefix))
            .sort((a, b) => (a.roleName.toLowerCase() < b.roleName.toLowerCase() ? -1 : 1));
    }

    delete(roleName: string): void {
        const role = this.get(roleName);
        if (role.inlinePolicies.size > 0) {
            throw new LocalAwsError(
                'DeleteConflict',
                409,
                'Cannot delete entity, must delete policies first.',
            );
        }
        this.roles.delete(roleName.toLowerCase());
    }

    putPolicy(roleName: string, policyName: string, document: string): void {
        const role = this.get(roleName);
        checkPolicyJson(document, 'PolicyDocument');
        role.inlinePolicies.set(policyName, document);
    }

    getPolicy(roleName: string, policyName: string): string {
        const document = this.get(roleName).inlinePolicies.get(policyName);
        if (document === undefined) {
            throw new LocalAwsError(
                'NoSuchEntity',
                404,
                `The role policy with name ${policyName} cannot be found.`,
            );
        }
        return document;
    }

    deletePolicy(roleName: string, policyName: string): void {
        const role = this.get(roleName);
        if (!role.inlinePolicies.delete(policyName)) {
            throw new LocalAwsError(
                'NoSuchEntity',
                404,
                `The role policy with name ${policyName} cannot be found.`,
            );
        }
    }
}
