import * as vscode from 'vscode';

/** Commercial regions where Bedrock batch inference runs (per the AWS regions table, 2026). */
const knownRegions: readonly string[] = [
    'us-east-1',
    'us-east-2',
    'us-west-2',
    'ca-central-1',
    'sa-east-1',
    'eu-central-1',
    'eu-central-2',
    'eu-north-1',
    'eu-south-1',
    'eu-south-2',
    'eu-west-1',
    'eu-west-2',
    'eu-west-3',
    'ap-northeast-1',
    'ap-northeast-2',
    'ap-northeast-3',
    'ap-south-1',
    'ap-south-2',
    'ap-southeast-1',
    'ap-southeast-2',
    'us-gov-west-1',
];

const regionPattern = /^[a-z]{2}(-[a-z]+)+-\d$/;

/** Picks a region not shown yet; other region names can be typed. */
export async function pickRegion(shown: readonly string[]): Promise<string | undefined> {
    const picker = vscode.window.createQuickPick();
    picker.title = 'Add Region';
    picker.placeholder = 'Region to show in Batch Jobs, e.g. us-west-2';
    picker.items = knownRegions.filter((r) => !shown.includes(r)).map((label) => ({ label }));
    return new Promise<string | undefined>((resolve) => {
        picker.onDidAccept(() => {
            const chosen = picker.selectedItems[0]?.label ?? picker.value.trim();
            if (!regionPattern.test(chosen)) {
                picker.title = `Add Region: "${chosen}" is not a region name such as us-east-1`;
                return;
            }
            resolve(chosen);
            picker.hide();
        });
        picker.onDidHide(() => {
            resolve(undefined);
            picker.dispose();
        });
        picker.show();
    });
}
