/** Everything the simulated Bedrock remembers, per account and region. */
import { randomBytes } from 'node:crypto';
import type { Job } from './jobs';
import type { AccountModels } from './modelResolution';
import type { InferenceProfileSummary } from './catalogue/catalogue';

export interface ApplicationProfile {
    readonly summary: InferenceProfileSummary;
    /** The base model id it routes to, and the system profile it copies when made from one. */
    readonly modelId: string;
    readonly viaProfileId?: string;
}

interface Scope {
    readonly jobs: Map<string, Job>;
    /** clientRequestToken -> the request's fingerprint and the job it created. */
    readonly tokens: Map<string, { fingerprint: string; jobArn: string }>;
    readonly applicationProfiles: Map<string, ApplicationProfile>;
    readonly customModels: Map<string, string>;
}

export class BedrockState {
    private readonly scopes = new Map<string, Scope>();

    scope(accountId: string, region: string): Scope {
        const key = `${accountId}/${region}`;
        let scope = this.scopes.get(key);
        if (scope === undefined) {
            scope = {
                jobs: new Map(),
                tokens: new Map(),
                applicationProfiles: new Map(),
                customModels: new Map(),
            };
            this.scopes.set(key, scope);
        }
        return scope;
    }

    allJobs(): Job[] {
        return [...this.scopes.values()].flatMap((scope) => [...scope.jobs.values()]);
    }

    accountModels(accountId: string, region: string): AccountModels {
        const scope = this.scope(accountId, region);
        return {
            applicationProfileModel: (arn) => {
                const profile = [...scope.applicationProfiles.values()].find(
                    (p) => p.summary.inferenceProfileArn === arn,
                );
                return profile === undefined
                    ? undefined
                    : {
                          modelId: profile.modelId,
                          ...(profile.viaProfileId === undefined
                              ? {}
                              : { viaProfileId: profile.viaProfileId }),
                      };
            },
            customModelBase: (arn) => scope.customModels.get(arn),
        };
    }

    newJobId(accountId: string, region: string): string {
        const jobs = this.scope(accountId, region).jobs;
        for (;;) {
            const id = lowerAlnum(12);
            if (!jobs.has(id)) {
                return id;
            }
        }
    }
}

export function lowerAlnum(length: number): string {
    const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
    const bytes = randomBytes(length);
    let out = '';
    for (const byte of bytes) {
        out += alphabet[byte % alphabet.length] ?? 'a';
    }
    return out;
}
