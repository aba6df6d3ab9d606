/**
 * Whether Bedrock could assume a job's service role: the role must exist in the account its ARN
 * names, and its trust policy must let bedrock.amazonaws.com call sts:AssumeRole. Roles are found
 * by name, as STS finds them; the ARN's path is not compared. Conditions in the trust policy
 * (aws:SourceAccount, aws:SourceArn) are not evaluated.
 */
import { failures } from './failures';

export const BEDROCK_PRINCIPAL = 'bedrock.amazonaws.com';

/** What validation needs of the endpoint's IAM (the local RoleStore fits it). */
export interface ServiceRoleDirectory {
    find(
        roleName: string,
    ): { readonly arn: string; readonly assumeRolePolicyDocument: string } | undefined;
}

const ARN = /^arn:[^:]+:iam::(\d{12})?:role\/(?:.*\/)?([^/]+)$/;

function accountOf(arn: string): string | undefined {
    return ARN.exec(arn)?.[1];
}

function list(value: unknown): unknown[] {
    return Array.isArray(value) ? value : [value];
}

function matchesAction(value: unknown): boolean {
    return list(value).some(
        (action) =>
            typeof action === 'string' &&
            ['sts:assumerole', 'sts:*', '*'].includes(action.toLowerCase()),
    );
}

function namesBedrock(principal: unknown): boolean {
    if (principal === '*') {
        return true;
    }
    if (typeof principal !== 'object' || principal === null) {
        return false;
    }
    const service = (principal as Record<string, unknown>)['Service'];
    return list(service).some((name) => name === BEDROCK_PRINCIPAL);
}

function statementsOf(policy: string): Record<string, unknown>[] {
    let parsed: unknown;
    try {
        parsed = JSON.parse(policy);
    } catch {
        return [];
    }
    if (typeof parsed !== 'object' || parsed === null) {
        return [];
    }
    return list((parsed as Record<string, unknown>)['Statement']).filter(
        (s): s is Record<string, unknown> => typeof s === 'object' && s !== null,
    );
}

/** True when the trust policy allows, and does not deny, Bedrock assuming the role. */
export function trustsBedrock(trustPolicy: string): boolean {
    const applies = statementsOf(trustPolicy).filter(
        (s) => matchesAction(s['Action']) && namesBedrock(s['Principal']),
    );
    return (
        applies.some((s) => s['Effect'] === 'Allow') && !applies.some((s) => s['Effect'] === 'Deny')
    );
}

/** The job's failure message when Bedrock could not assume `roleArn`; undefined when it could. */
export function serviceRoleProblem(
    roleArn: string,
    roles: ServiceRoleDirectory,
): string | undefined {
    const match = ARN.exec(roleArn);
    const account = match?.[1] ?? '';
    const role = match?.[2] === undefined ? undefined : roles.find(match[2]);
    if (role === undefined || accountOf(role.arn) !== account) {
        return failures.roleMissing(roleArn, account);
    }
    if (!trustsBedrock(role.assumeRolePolicyDocument)) {
        return failures.roleNotTrusting(roleArn);
    }
    return undefined;
}
