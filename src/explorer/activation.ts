import type { Ctx } from '../ctx';
import { Explorer } from './explorer';
import { registerExplorerCommands } from './explorerCommands';
import { registerJobCommands } from './jobCommands';
import { realTimers, type Timers } from './timers';

export { Explorer } from './explorer';
export { jobsViewId } from './jobsTreeProvider';

/**
 * The Batch Jobs view, its commands, polling, notifications and the running-jobs status item.
 * Nothing here calls AWS until the view is shown.
 */
export function activateExplorer(ctx: Ctx, timers: Timers = realTimers): Explorer {
    const explorer = new Explorer(ctx, timers);
    ctx.extension.subscriptions.push(
        explorer,
        ...registerExplorerCommands(ctx, explorer),
        ...registerJobCommands(ctx, explorer),
    );
    return explorer;
}
