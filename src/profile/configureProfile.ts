import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import { registerCommand } from '../shared/commands';
import { escapeCodicons } from '../shared/quickPickText';
import { settingsSection } from '../shared/settings';

interface ProfileItem extends vscode.QuickPickItem {
    readonly profile: string;
}

/** Lists the profiles of the shared config and credentials files and stores the choice. */
export function activateConfigureProfile(ctx: Ctx): void {
    ctx.extension.subscriptions.push(
        registerCommand(ctx, 'bedrockBatch.configureProfile', 'Could not configure the AWS profile', async () => {
            const files = await ctx.aws.sdk().loadSharedConfigFiles({ ignoreCache: true });
            const names = new Set([...Object.keys(files.configFile), ...Object.keys(files.credentialsFile)]);
            const current = ctx.settings.profile ?? '';
            const items: ProfileItem[] = [
                {
                    label: 'Default credential chain',
                    description: current === '' ? 'current' : undefined,
                    detail: 'Environment variables, the default profile, SSO, container or instance role',
                    profile: '',
                },
                ...[...names].sort().map((name) => ({
                    label: escapeCodicons(name),
                    description: name === current ? 'current' : undefined,
                    detail: escapeCodicons(describeProfile(files.configFile[name]) ?? ''),
                    profile: name,
                })),
            ];
            const picked = await vscode.window.showQuickPick(items, {
                title: 'AWS Profile for Bedrock Batch',
                placeHolder:
                    names.size === 0
                        ? 'No profiles found in ~/.aws/config or ~/.aws/credentials: run "aws configure" first'
                        : 'Profile whose credentials Bedrock Batch uses',
            });
            if (picked !== undefined) {
                await vscode.workspace
                    .getConfiguration(settingsSection)
                    .update('profile', picked.profile, vscode.ConfigurationTarget.Global);
            }
        }),
    );
}

function describeProfile(profile: Record<string, string | undefined> | undefined): string | undefined {
    if (profile === undefined) {
        return 'credentials file';
    }
    if (profile['sso_session'] !== undefined || profile['sso_start_url'] !== undefined) {
        return `IAM Identity Center${profile['region'] === undefined ? '' : `, ${profile['region']}`}`;
    }
    if (profile['role_arn'] !== undefined) {
        return `assumes ${profile['role_arn']}`;
    }
    return profile['region'];
}
