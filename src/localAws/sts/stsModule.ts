/** STS over awsQuery: who am I, and temporary credentials the endpoint will then accept. */
import { LocalAwsError } from '../types';
import type { ServiceModule, ServiceModuleFactory } from '../types';
import type { CredentialStore } from '../core/credentials';
import { createQueryModule, required } from '../query/queryModule';

const XMLNS = 'https://sts.amazonaws.com/doc/2011-06-15/';

function durationMs(params: URLSearchParams, defaultSeconds: number): number {
    const text = params.get('DurationSeconds');
    const seconds = text === null ? defaultSeconds : Number(text);
    if (!Number.isInteger(seconds) || seconds < 900 || seconds > 129600) {
        throw new LocalAwsError(
            'ValidationError',
            400,
            `1 validation error detected: Value '${text ?? ''}' at 'durationSeconds' failed to ` +
            `satisfy constraint: ` +
                'Member must have value greater than or equal to 900',
        );
    }
    return seconds * 1000;
}

export function createStsModule(credentials: CredentialStore): ServiceModule {
    const credentialsXml = (
        key: ReturnType<CredentialStore['issueTemporary']>,
    ): Record<string, string> => ({
        AccessKeyId: key.accessKeyId,
        SecretAccessKey: key.secretAccessKey,
        SessionToken: key.sessionToken ?? '',
        Expiration: new Date(key.expiresAtMs ?? Date.now()).toISOString(),
    });
    return createQueryModule({
        signingName: 'sts',
        xmlns: XMLNS,
        operations: {
            GetCallerIdentity: (_params, req) => {
                const key = credentials.find(req.accessKeyId);
                return {
                    Arn: key?.arn ?? `arn:aws:iam::${req.accountId}:user/local-user`,
                    UserId: key?.userId ?? req.accessKeyId,
                    Account: req.accountId,
                };
            },
            GetSessionToken: (params, req) => {
                const caller = credentials.find(req.accessKeyId);
                const key = credentials.issueTemporary(
                    durationMs(params, 43200),
                    caller?.arn,
                    caller?.userId,
                );
                return { Credentials: credentialsXml(key) };
            },
            AssumeRole: (params, req) => {
                const roleArn = required(params, 'RoleArn');
                const sessionName = required(params, 'RoleSessionName');
                const role = /^arn:aws:iam::(\d{12}):role\/(?:.*\/)?([^/]+)$/.exec(roleArn);
                if (role === null) {
                    throw new LocalAwsError('ValidationError', 400, `${roleArn} is invalid`);
                }
                const roleName = role[2] ?? '';
                const assumedArn =
                    `arn:aws:sts::${req.accountId}:assumed-role/${roleName}/${sessionName}`;
                const roleId = `AROA${req.accessKeyId.slice(4, 20)}`;
                const key = credentials.issueTemporary(
                    durationMs(params, 3600),
                    assumedArn,
                    `${roleId}:${sessionName}`,
                );
                return {
                    Credentials: credentialsXml(key),
                    AssumedRoleUser: { AssumedRoleId: `${roleId}:${sessionName}`, Arn: assumedArn },
                };
            },
        },
    });
}

export function stsService(credentials: CredentialStore): ServiceModuleFactory {
    return { name: 'sts', create: () => createStsModule(credentials) };
}
