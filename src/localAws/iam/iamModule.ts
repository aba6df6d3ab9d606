/** IAM over awsQuery (a global service, signed for us-east-1): the roles a batch job can use. */
import type { ServiceModule, ServiceModuleContext, ServiceModuleFactory } from '../types';
import type { XmlObject } from '../core/xml';
import { createQueryModule, pageByMarker, required } from '../query/queryModule';
import { RoleStore, trustPolicyFor } from './roleStore';
import type { Role } from './roleStore';

const XMLNS = 'https://iam.amazonaws.com/doc/2010-05-08/';

/** IAM returns policy documents percent-encoded (RFC 3986). */
function encodePolicy(document: string): string {
    return encodeURIComponent(document);
}

function roleXml(role: Role): XmlObject {
    return {
        Path: role.path,
        RoleName: role.roleName,
        RoleId: role.roleId,
        Arn: role.arn,
        CreateDate: new Date(role.createdMs).toISOString(),
        AssumeRolePolicyDocument: encodePolicy(role.assumeRolePolicyDocument),
        Description: role.description,
        MaxSessionDuration: role.maxSessionDuration,
    };
}

export interface IamModule extends ServiceModule {
    readonly roles: RoleStore;
}

/** Two roles out of the box: one Bedrock can assume, one it cannot. */
export function seedRoles(roles: RoleStore): void {
    roles.create({
        roleName: 'BedrockBatchServiceRole',
        path: '/service-role/',
        assumeRolePolicyDocument: trustPolicyFor('bedrock.amazonaws.com'),
        description: 'Lets Amazon Bedrock read batch input from S3 and write output',
    });
    roles.putPolicy(
        'BedrockBatchServiceRole',
        'BedrockBatchS3Access',
        JSON.stringify({
            Version: '2012-10-17',
            Statement: [
                {
                    Effect: 'Allow',
                    Action: ['s3:GetObject', 's3:ListBucket', 's3:PutObject'],
                    Resource: ['arn:aws:s3:::*'],
                },
            ],
        }),
    );
    roles.create({
        roleName: 'LambdaBasicExecutionRole',
        assumeRolePolicyDocument: trustPolicyFor('lambda.amazonaws.com'),
        description: 'A role Bedrock cannot assume',
    });
}

export function createIamModule(context: Pick<ServiceModuleContext, 'accountId'>): IamModule {
    const roles = new RoleStore(context.accountId);
    seedRoles(roles);
    const module = createQueryModule({
        signingName: 'iam',
        xmlns: XMLNS,
        operations: {
            ListRoles: (params) => {
                const { page, nextMarker } = pageByMarker(
                    roles.list(params.get('PathPrefix') ?? '/'),
                    params,
                    100,
                );
                return {
                    IsTruncated: nextMarker !== undefined,
                    ...(nextMarker === undefined ? {} : { Marker: nextMarker }),
                    Roles: { member: page.map(roleXml) },
                };
            },
            GetRole: (params) => ({ Role: roleXml(roles.get(required(params, 'RoleName'))) }),
            CreateRole: (params) => {
                const maxText = params.get('MaxSessionDuration');
                const path = params.get('Path');
                const description = params.get('Description');
                const role = roles.create({
                    roleName: required(params, 'RoleName'),
                    assumeRolePolicyDocument: required(params, 'AssumeRolePolicyDocument'),
                    ...(path === null ? {} : { path }),
                    ...(description === null ? {} : { description }),
                    ...(maxText === null ? {} : { maxSessionDuration: Number(maxText) }),
                });
                return { Role: roleXml(role) };
            },
            DeleteRole: (params) => {
                roles.delete(required(params, 'RoleName'));
                return undefined;
            },
            PutRolePolicy: (params) => {
                roles.putPolicy(
                    required(params, 'RoleName'),
                    required(params, 'PolicyName'),
                    required(params, 'PolicyDocument'),
                );
                return undefined;
            },
            GetRolePolicy: (params) => {
                const roleName = required(params, 'RoleName');
                const policyName = required(params, 'PolicyName');
                return {
                    RoleName: roles.get(roleName).roleName,
                    PolicyName: policyName,
                    PolicyDocument: encodePolicy(roles.getPolicy(roleName, policyName)),
                };
            },
            DeleteRolePolicy: (params) => {
                roles.deletePolicy(required(params, 'RoleName'), required(params, 'PolicyName'));
                return undefined;
            },
            ListRolePolicies: (params) => {
                const names = [
                    ...roles.get(required(params, 'RoleName')).inlinePolicies.keys(),
                ].sort();
                const { page, nextMarker } = pageByMarker(names, params, 100);
                return {
                    PolicyNames: { member: page },
                    IsTruncated: nextMarker !== undefined,
                    ...(nextMarker === undefined ? {} : { Marker: nextMarker }),
                };
            },
        },
    });
    return { ...module, roles };
}

export interface IamServiceFactory extends ServiceModuleFactory {
    /** The roles of the module this factory created; undefined until then (IAM not served). */
    roles(): RoleStore | undefined;
}

export function iamService(): IamServiceFactory {
    let roles: RoleStore | undefined;
    return {
        name: 'iam',
        create: (context) => {
            const module = createIamModule(context);
            roles = module.roles;
            context.exposeState('iam', module.roles);
            return module;
        },
        roles: () => roles,
    };
}
