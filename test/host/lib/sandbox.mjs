// A short-lived folder that stands in for HOME, XDG_*, TMPDIR and the VS Code user data of
// every process the runner starts, plus the environment those processes get.
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// Unix socket paths are limited to ~107 bytes, so the root lives directly in /tmp.
const sandboxParent = '/tmp';

const userSettings = {
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'update.showReleaseNotes': false,
    'extensions.autoUpdate': false,
    'extensions.autoCheckUpdates': false,
    'extensions.ignoreRecommendations': true,
    'workbench.enableExperiments': false,
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.welcomePage.walkthroughs.openOnInstall': false,
    'security.workspace.trust.enabled': false,
    'security.workspace.trust.startupPrompt': 'never',
    'json.schemaDownload.enable': false,
    'npm.fetchOnlinePackageInfo': false,
    'typescript.disableAutomaticTypeAcquisition': true,
    'git.autoRepositoryDetection': false,
    'git.openRepositoryInParentFolders': 'never',
    // The local endpoint and the sandbox listen on loopback for this machine only; code-server
    // would otherwise offer to forward (proxy) every port they open.
    'remote.autoForwardPorts': false,
};

// Inherited variables that would change what code-server, the extension host or the AWS SDK do.
const droppedVariables = [
    /^AWS_/i, /^VSCODE_/i, /^ELECTRON_/i, /^npm_/i, /^BEDROCK_BATCH_/i, /^CODE_SERVER/i,
    /^CS_/i, /^(HTTPS?|ALL|NO)_PROXY$/i, /^(PORT|PASSWORD|HASHED_PASSWORD|GITHUB_TOKEN)$/,
    /^NODE_OPTIONS$/, /^XDG_/, /^(TMPDIR|TMP|TEMP)$/,
];

/**
 * A fresh root with the folders above; `settings` are added to (and override) the user settings
 * that keep the workbench quiet.
 */
export function createSandbox(workspaceTemplate, { settings = {} } = {}) {
    const root = mkdtempSync(join(sandboxParent, 'bbt-'));
    const dirs = {
        root,
        home: join(root, 'home'),
        config: join(root, 'home', '.config'),
        data: join(root, 'home', '.local', 'share'),
        state: join(root, 'home', '.local', 'state'),
        cache: join(root, 'home', '.cache'),
        runtime: join(root, 'run'),
        tmp: join(root, 'tmp'),
        userData: join(root, 'ud'),
        extensions: join(root, 'ext'),
        workspace: join(root, 'workspace'),
        aws: join(root, 'aws'),
    };
    for (const dir of Object.values(dirs)) {
        mkdirSync(dir, { recursive: true, mode: 0o700 });
    }
    mkdirSync(join(dirs.userData, 'User'), { recursive: true });
    writeFileSync(join(dirs.userData, 'User', 'settings.json'),
        `${JSON.stringify({ ...userSettings, ...settings }, undefined, 4)}\n`);
    writeFileSync(join(dirs.aws, 'config'), '');
    writeFileSync(join(dirs.aws, 'credentials'), '');
    if (workspaceTemplate !== undefined) {
        cpSync(workspaceTemplate, dirs.workspace, { recursive: true });
    }
    return dirs;
}

/** The environment for code-server (and so the extension host) and Chromium. */
export function sandboxEnvironment(dirs, extra) {
    const env = {};
    for (const [key, value] of Object.entries(process.env)) {
        if (!droppedVariables.some((pattern) => pattern.test(key))) {
            env[key] = value;
        }
    }
    return {
        ...env,
        HOME: dirs.home,
        XDG_CONFIG_HOME: dirs.config,
        XDG_DATA_HOME: dirs.data,
        XDG_STATE_HOME: dirs.state,
        XDG_CACHE_HOME: dirs.cache,
        XDG_RUNTIME_DIR: dirs.runtime,
        TMPDIR: dirs.tmp,
        TMP: dirs.tmp,
        TEMP: dirs.tmp,
        AWS_EC2_METADATA_DISABLED: 'true',
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
        AWS_CONFIG_FILE: join(dirs.aws, 'config'),
        AWS_SHARED_CREDENTIALS_FILE: join(dirs.aws, 'credentials'),
        ...extra,
    };
}

export function removeSandbox(dirs) {
    rmSync(dirs.root, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
}
