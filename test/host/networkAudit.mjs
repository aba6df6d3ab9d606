#!/usr/bin/env node
// Runs test/host/run.mjs under strace and proves that no process of the run (runner,
// code-server, extension host, Chromium) sent anything to an address outside loopback.
// Usage: node test/host/networkAudit.mjs <run.mjs arguments...>
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const runner = join(dirname(fileURLToPath(import.meta.url)), 'run.mjs');
const say = (line) => process.stdout.write(`[audit] ${line}\n`);

const inetAddress = /inet_(?:addr\("([^"]+)"\)|pton\(AF_INET6, "([^"]+)")/;
// strace -yy shows a socket's endpoints: 5<TCP:[127.0.0.1:40000->10.0.0.1:443]>.
const socketEndpoints = /^\d+<(TCP|UDP)(?:v6)?:\[(.*)->(.*)\]>/;
// strace pads the pid column, so the separator is one or more spaces.
const sendCalls = /^\d+\s+(?:write|writev|sendto|sendmsg|sendmmsg)\((.*)$/;
const connectCall = /^\d+\s+connect\((.*)$/;
const socketProtocol = /^\d+<([A-Z]+)/;

function isLoopback(host) {
    return /^127\./.test(host) || host === '::1' || /^::ffff:127\./.test(host);
}

function stripPort(endpoint) {
    return endpoint.startsWith('[') ? endpoint.slice(1, endpoint.indexOf(']'))
        : endpoint.replace(/:\d+$/, '');
}

/** Sorts the trace's network calls into loopback ones and the rest. */
export function auditTrace(text) {
    const findings = { loopbackConnects: 0, probes: new Set(), violations: [] };
    for (const line of text.split('\n')) {
        const connect = connectCall.exec(line);
        if (connect !== null) {
            const address = inetAddress.exec(connect[1]);
            if (address === null) {
                continue;
            }
            const host = address[1] ?? address[2];
            if (isLoopback(host)) {
                findings.loopbackConnects += 1;
            } else if (socketProtocol.exec(connect[1])?.[1] === 'UDP') {
                // A UDP connect() only picks a route; nothing leaves unless data follows.
                findings.probes.add(host);
            } else {
                findings.violations.push(line);
            }
            continue;
        }
        const send = sendCalls.exec(line);
        if (send === null) {
            continue;
        }
        const endpoints = socketEndpoints.exec(send[1]);
        if (endpoints !== null && !isLoopback(stripPort(endpoints[3]))) {
            findings.violations.push(line);
            continue;
        }
        const address = inetAddress.exec(send[1]);
        if (address !== null && !isLoopback(address[1] ?? address[2])) {
            findings.violations.push(line);
        }
    }
    return findings;
}

async function main() {
    if (spawnSync('strace', ['-V'], { stdio: 'ignore' }).status !== 0) {
        process.stderr.write('networkAudit: strace is missing (apt-get install strace)\n');
        process.exit(2);
    }
    const dir = mkdtempSync('/tmp/bbt-audit-');
    const trace = join(dir, 'trace');
    try {
        const code = await new Promise((resolve) => {
            const child = spawn('strace', ['-f', '-qq', '-yy', '-o', trace,
                '-e', 'trace=connect,sendto,sendmsg,sendmmsg,write,writev', '-e', 'write=none',
                process.execPath, runner, ...process.argv.slice(2)], { stdio: 'inherit' });
            child.on('exit', (exitCode) => resolve(exitCode ?? 1));
        });
        const findings = auditTrace(readFileSync(trace, 'utf8'));
        say(`connections to loopback: ${findings.loopbackConnects}`);
        if (findings.probes.size > 0) {
            say(`UDP route probes without data (Chromium's IPv6 reachability check): `
                + [...findings.probes].join(', '));
        }
        say(`calls that reached or sent data outside loopback: ${findings.violations.length}`);
        for (const line of findings.violations.slice(0, 20)) {
            say(`  ${line.slice(0, 200)}`);
        }
        process.exitCode = code === 0 && findings.violations.length === 0 ? 0 : 1;
    } finally {
        if (!process.env['BBT_AUDIT_KEEP_TRACE']) {
            rmSync(dir, { recursive: true, force: true });
        }
    }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
    await main();
}
