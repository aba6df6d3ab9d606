// Test entry of the sandbox tour (`npm start -- --tour DIR`): the integration runner, pointed at
// this folder, so the tour reports and screenshots failures the same way.
import { runTestsIn } from '../integration/index';

export function run(): Promise<void> {
    return runTestsIn(__dirname);
}
