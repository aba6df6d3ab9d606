import * as vscode from 'vscode';

export const settingsSection = 'bedrockBatch';

/** Per-service URL overrides, keyed by the service's signing name. */
export interface EndpointOverrides {
    readonly bedrock?: string;
    readonly s3?: string;
    readonly monitoring?: string;
    readonly sts?: string;
    readonly iam?: string;
    readonly sns?: string;
}

export type ServiceName = keyof EndpointOverrides;

/** Typed reads of the extension's settings; the manifest holds their defaults and docs. */
export class Settings {
    private get config(): vscode.WorkspaceConfiguration {
        return vscode.workspace.getConfiguration(settingsSection);
    }

    get profile(): string | undefined {
        const profile = this.config.get<string>('profile', '').trim();
        return profile === '' ? undefined : profile;
    }

    get regions(): readonly string[] {
        return this.config.get<string[]>('regions', []).map((r) => r.trim()).filter((r) => r !== '');
    }

    get endpoints(): EndpointOverrides {
        return this.config.get<EndpointOverrides>('endpoints', {});
    }

    async setRegions(regions: readonly string[]): Promise<void> {
        await this.config.update('regions', [...regions], this.targetOf('regions'));
    }

    /** Writes where the value already lives, so a workspace choice is not copied to user settings. */
    private targetOf(key: string): vscode.ConfigurationTarget {
        const inspected = this.config.inspect(key);
        if (inspected?.workspaceFolderValue !== undefined) {
            return vscode.ConfigurationTarget.WorkspaceFolder;
        }
        if (inspected?.workspaceValue !== undefined) {
            return vscode.ConfigurationTarget.Workspace;
        }
        return vscode.ConfigurationTarget.Global;
    }

    static affectsConnection(event: vscode.ConfigurationChangeEvent): boolean {
        return ['profile', 'endpoints'].some((k) => event.affectsConfiguration(`${settingsSection}.${k}`));
    }
}
