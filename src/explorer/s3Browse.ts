import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import { escapeCodicons } from '../shared/quickPickText';
import { isObjectKey } from './consoleLinks';
import { asFolderKey, type S3Location } from './jobIds';
import { formatTime } from './jobDetails';

/** The most objects one look lists; a results folder rarely holds more than a few. */
const maxKeys = 1000;

/** True when S3 is not the account's real S3 (sandbox or an endpoint override): no console. */
export function hasCustomS3(ctx: Ctx): boolean {
    const connection = ctx.aws.connection;
    return connection.kind === 'sandbox' || (connection.endpoints.s3 ?? '') !== '';
}

/**
 * Lists the objects at a location in a quick pick, for endpoints the S3 console cannot show.
 * Picking a row (or the first one, the location itself) copies its s3:// URI.
 */
export async function browseS3(ctx: Ctx, region: string, location: S3Location): Promise<void> {
    const prefix = isObjectKey(location.key) ? location.key : asFolderKey(location.key);
    const self = `s3://${location.bucket}/${prefix}`;
    const picker = vscode.window.createQuickPick<vscode.QuickPickItem & { readonly uri: string }>();
    picker.title = self;
    picker.placeholder = 'Pick an object to copy its s3:// URI';
    picker.busy = true;
    picker.items = [
        { label: '$(copy) Copy this location', description: escapeCodicons(self), uri: self },
    ];
    const chosen = new Promise<string | undefined>((resolve) => {
        picker.onDidAccept(() => {
            resolve(picker.selectedItems[0]?.uri);
            picker.hide();
        });
        picker.onDidHide(() => resolve(undefined));
    });
    picker.show();
    try {
        const sdk = ctx.aws.sdk();
        const answer = await ctx.aws.s3(region).send(
            new sdk.ListObjectsV2Command({
                Bucket: location.bucket,
                Prefix: prefix,
                MaxKeys: maxKeys,
            }),
        );
        const objects = (answer.Contents ?? []).map((object) => ({
            label: escapeCodicons((object.Key ?? '').slice(prefix.length) || (object.Key ?? '')),
            description: [sizeText(object.Size), formatTime(object.LastModified)]
                .filter(Boolean)
                .join(' · '),
            uri: `s3://${location.bucket}/${object.Key ?? ''}`,
        }));
        const more =
            answer.IsTruncated === true
                ? [{ label: `Only the first ${maxKeys} objects are listed`, uri: self }]
                : [];
        picker.items = [...picker.items, ...objects, ...more];
        if (objects.length === 0) {
            picker.placeholder = 'Nothing stored here yet';
        }
    } catch (error) {
        picker.dispose();
        throw error;
    } finally {
        picker.busy = false;
    }
    const uri = await chosen;
    picker.dispose();
    if (uri !== undefined) {
        await vscode.env.clipboard.writeText(uri);
        vscode.window.setStatusBarMessage(`Copied ${uri}`, 4000);
    }
}

function sizeText(bytes: number | undefined): string {
    if (bytes === undefined) {
        return '';
    }
    const units = ['B', 'KB', 'MB', 'GB', 'TB'];
    let value = bytes;
    let unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
        value /= 1024;
        unit += 1;
    }
    return `${unit === 0 ? value : value.toFixed(1)} ${units[unit] ?? 'B'}`;
}
