import * as vscode from 'vscode';
import type { InvocationType } from '../checker/types';
import type { Settings } from '../shared/settings';

/** The model (and invocation type) a file's request bodies are checked against. */
export interface CheckModel {
    /** Undefined: generic rules only. */
    readonly modelId?: string;
    readonly invocationType: InvocationType;
    /** The region of the last submit, whose Service Quotas apply. */
    readonly region?: string;
}

export type CheckModelSource = 'file' | 'workspace' | 'setting' | 'none';

const filesKey = 'bedrockBatch.checkModel.files';
const workspaceKey = 'bedrockBatch.checkModel.workspace';
const recentKey = 'bedrockBatch.recentModels';
const maxRememberedFiles = 500;

/**
 * Remembers per file and per workspace which model was last used (by a submit or by choice), so
 * the editor checks bodies against the right family: file, then workspace, then the
 * `bedrockBatch.defaultModelId` setting, then generic rules.
 */
export class CheckModelStore implements vscode.Disposable {
    private readonly changed = new vscode.EventEmitter<void>();
    readonly onDidChange = this.changed.event;

    constructor(
        private readonly state: vscode.Memento,
        private readonly settings: Settings,
    ) {}

    resolve(uri: vscode.Uri): { model: CheckModel; source: CheckModelSource } {
        const forFile = this.files()[uri.toString()];
        if (forFile !== undefined) {
            return { model: forFile, source: 'file' };
        }
        const forWorkspace = this.state.get<CheckModel>(workspaceKey);
        if (forWorkspace !== undefined) {
            return { model: forWorkspace, source: 'workspace' };
        }
        const fromSetting = this.settings.defaultModelId;
        if (fromSetting !== undefined) {
            return {
                model: { modelId: fromSetting, invocationType: 'InvokeModel' },
                source: 'setting',
            };
        }
        return { model: { invocationType: 'InvokeModel' }, source: 'none' };
    }

    /** After a submit: these files and the workspace now go with this model. */
    async rememberSubmitted(uris: readonly vscode.Uri[], model: CheckModel): Promise<void> {
        const files = this.files();
        for (const uri of uris) {
            files[uri.toString()] = model;
        }
        await this.state.update(filesKey, trimmed(files));
        await this.state.update(workspaceKey, model);
        if (model.modelId !== undefined) {
            await this.rememberRecent(model.modelId);
        }
        this.changed.fire();
    }

    /**
     * A choice for one file; undefined forgets it (workspace or setting apply again). Only a
     * choice the user made (`recent`) joins the recently used models: the sandbox assigns its
     * samples' models here too, and those were never used.
     */
    async setForFile(
        uri: vscode.Uri,
        model: CheckModel | undefined,
        options: { readonly recent?: boolean } = {},
    ): Promise<void> {
        const files = this.files();
        if (model === undefined) {
            delete files[uri.toString()];
        } else {
            files[uri.toString()] = model;
            if (options.recent === true && model.modelId !== undefined) {
                await this.rememberRecent(model.modelId);
            }
        }
        await this.state.update(filesKey, trimmed(files));
        this.changed.fire();
    }

    /**
     * The model and invocation type chosen in the submit wizard become these files' check model,
     * so the editor and the status bar show what the pre-submit check found. Nothing changes,
     * and nothing is re-checked, when the files already go with that model.
     */
    async chooseForFiles(uris: readonly vscode.Uri[], model: CheckModel): Promise<void> {
        const files = this.files();
        const same = (current: CheckModel | undefined): boolean =>
            current !== undefined &&
            current.modelId === model.modelId &&
            current.invocationType === model.invocationType &&
            current.region === model.region;
        if (uris.every((uri) => same(files[uri.toString()]))) {
            return;
        }
        for (const uri of uris) {
            // Re-inserted so the newest choices survive trimming.
            delete files[uri.toString()];
            files[uri.toString()] = model;
        }
        await this.state.update(filesKey, trimmed(files));
        this.changed.fire();
    }

    /** Forgets the workspace's last used model: files without a choice follow the setting. */
    async forgetWorkspace(): Promise<void> {
        await this.state.update(workspaceKey, undefined);
        this.changed.fire();
    }

    /** The model chosen for this file itself, if any (not the workspace or setting default). */
    forFile(uri: vscode.Uri): CheckModel | undefined {
        return this.files()[uri.toString()];
    }

    /** Model ids used lately, newest first (shared with the submit wizard). */
    recentModels(): string[] {
        return this.state.get<string[]>(recentKey) ?? [];
    }

    async rememberRecent(modelId: string): Promise<void> {
        const recent = [modelId, ...this.recentModels().filter((id) => id !== modelId)].slice(
            0,
            10,
        );
        await this.state.update(recentKey, recent);
    }

    dispose(): void {
        this.changed.dispose();
    }

    private files(): Record<string, CheckModel> {
        return { ...(this.state.get<Record<string, CheckModel>>(filesKey) ?? {}) };
    }
}

/** Keeps the newest entries (insertion order) so the map cannot grow without bound. */
function trimmed(files: Record<string, CheckModel>): Record<string, CheckModel> {
    const entries = Object.entries(files);
    return Object.fromEntries(entries.slice(Math.max(0, entries.length - maxRememberedFiles)));
}
