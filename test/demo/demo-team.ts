// `npm start -- --team`: the team server as a team runs it, on this machine's
// loopback address with real token checks and a database in a temporary
// folder, a team of two members, and the demo browser connected as the first.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startTeamServer } from '../../server/team/team-server';
import { openTeamStore } from '../../server/team/team-store';
import { CHROME_EXTENSION_DIR, type ExtensionBrowser, grantOptionalHosts, launchWithExtension } from '../e2e/chromium';
import { sendFrom } from '../e2e/extension-page';

export interface DemoTeam {
  /** The address a member types in the options page. */
  url: string;
  port: number;
  teamId: string;
  dbFile: string;
  members: { id: string; name: string; token: string }[];
  stop(): Promise<void>;
}

/** A team "Demo studio" with Ann and Bob, served on 127.0.0.1 (port 0: any free one). */
export async function startDemoTeam(port = 0): Promise<DemoTeam> {
  const dir = mkdtempSync(path.join(tmpdir(), 'keepwarm-demo-team-'));
  const dbFile = path.join(dir, 'team.sqlite');
  const store = openTeamStore(dbFile);
  const { id: teamId } = store.createTeam('Demo studio');
  const members = ['Ann', 'Bob'].map((name) => {
    const { member, token } = store.addMember(teamId, name);
    return { id: member.id, name, token };
  });
  const server = await startTeamServer({ store, host: '127.0.0.1', port });
  return {
    // By name, not 127.0.0.1: the demo browser resolves only the host names it is given.
    url: `ws://localhost:${server.port}`,
    port: server.port,
    teamId,
    dbFile,
    members,
    async stop() {
      await server.stop();
      store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Chromium with Keepwarm in a profile of its own, the team server's host
 * granted as after the user's click on Connect (a script cannot answer the
 * browser's prompt), and connected to the team as `token`'s member.
 */
export async function launchAsMember(
  team: DemoTeam,
  token: string,
  launch: { hosts: Record<string, number>; headless: boolean; userDataDir: string },
): Promise<ExtensionBrowser> {
  // An unpacked extension's id follows from its folder: one headless start installs it and tells it.
  const hosts = { ...launch.hosts, localhost: team.port };
  const first = await launchWithExtension({ ...launch, hosts, headless: true });
  const id = first.extensionId;
  await first.close();
  grantOptionalHosts(launch.userDataDir, id, ['http://localhost/*']);
  const browser = await launchWithExtension({ ...launch, hosts });
  const options = await browser.openExtensionPage('options.html');
  const reply = await sendFrom(options, { type: 'ui/team-connect', address: team.url, teamId: team.teamId, token });
  if (!(reply && typeof reply === 'object' && 'connected' in reply)) {
    throw new Error(`The demo browser could not join the team: ${JSON.stringify(reply)}`);
  }
  await options.close();
  return browser;
}

/** Switches the popup, side panel and badges to the team scope, as the popup's Mine/Team switch does. */
export async function showTeamScope(browser: ExtensionBrowser): Promise<void> {
  const options = await browser.openExtensionPage('options.html');
  await sendFrom(options, { type: 'ui/set-view-scope', scope: 'team' });
  await options.close();
}

/** What to tell the person running the demo: the team, and how a second browser joins it as Bob. */
export function teamInstructions(team: DemoTeam): string {
  const [ann, bob] = team.members;
  return [
    '── team ──',
    `Team server ${team.url} (real token checks), team ${team.teamId}, database ${team.dbFile}`,
    `This browser is ${ann?.name}, connected; the popup's Mine/Team switch shows the team.`,
    `To join as ${bob?.name} from a second profile, start Chromium with one of its own:`,
    `  chromium --user-data-dir="$(mktemp -d)" --load-extension=${CHROME_EXTENSION_DIR}`,
    `then in Keepwarm's options, under "Your team": address ${team.url}, team ${team.teamId}, token:`,
    `  ${bob?.token}`,
    `Manage members while it runs: npm run team-server -- list-members ${team.teamId} --db ${team.dbFile}`,
  ].join('\n');
}
