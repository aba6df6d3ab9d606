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
    readonly servicequotas?: string;
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

    /** First delay between polls of a running job; it doubles while nothing changes, up to 10x. */
    get pollIntervalSeconds(): number {
        const value = this.config.get<number>('explorer.pollIntervalSeconds', 30);
        return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : 30;
    }

    /** Seconds between live refreshes of the Batch Metrics panel. */
    get metricsRefreshSeconds(): number {
        const seconds = this.config.get<number>('metrics.refreshIntervalSeconds', 60);
        return Number.isFinite(seconds) ? Math.min(3600, Math.max(10, Math.round(seconds))) : 60;
    }

    /** Model whose request format .jsonl files are checked against when none was chosen. */
    get defaultModelId(): string | undefined {
        const id = this.config.get<string>('defaultModelId', '').trim();
        return id === '' ? undefined : id;
    }

    /** `bedrockBatch.quotas.<name>` as set; unset or null means the documented default. */
    quota(name: string): unknown {
        return this.config.get<unknown>(`quotas.${name}`, null);
    }

    /** `bedrockBatch.prices` as set (rows are validated by their reader). */
    get prices(): unknown {
        return this.config.get<unknown>('prices', []);
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
