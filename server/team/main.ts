import { parseArgs } from 'node:util';
import { startTeamServer } from './team-server';
import { openTeamStore } from './team-store';

// `npm run team-server -- <command>`: runs a team's server, and manages its
// teams and members in the same database the server reads.

const USAGE = `Usage: npm run team-server -- <command> [options]

  serve                          run the server (--host, default 127.0.0.1; --port, default 8787;
                                 --redis redis://host:port to share state with other instances)
  create-team <name>             create a team and print its id
  add-member <team-id> <name>    add a member and print their token (shown once, stored hashed)
  list-members <team-id>         list the team's members
  revoke-member <team-id> <id>   revoke a member: their token no longer opens anything

  --db <file>                    the database (default: $KEEPWARM_TEAM_DB or ./keepwarm-team.sqlite)`;

function fail(message: string): never {
  console.error(`${message}\n\n${USAGE}`);
  process.exit(2);
}

async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      db: { type: 'string' },
      host: { type: 'string', default: '127.0.0.1' },
      port: { type: 'string', default: '8787' },
      redis: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, ...args] = positionals;
  if (values.help || command === undefined) {
    console.log(USAGE);
    return;
  }
  const store = openTeamStore(values.db ?? process.env.KEEPWARM_TEAM_DB ?? 'keepwarm-team.sqlite');
  switch (command) {
    case 'serve': {
      const port = Number(values.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`Not a port: ${values.port}`);
      const server = await startTeamServer({ store, host: values.host, port, redis: values.redis });
      console.log(`Keepwarm team server listening on ws://${values.host}:${server.port}`);
      const stop = () => {
        void server.stop().then(() => {
          store.close();
          process.exit(0);
        });
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      return;
    }
    case 'create-team': {
      if (!args[0]) fail('create-team needs a name');
      const team = store.createTeam(args[0]);
      console.log(`Team ${team.name}: ${team.id}`);
      break;
    }
    case 'add-member': {
      if (!args[0] || !args[1]) fail('add-member needs a team id and a name');
      const { member, token } = store.addMember(args[0], args[1]);
      console.log(`Member ${member.name}: ${member.id}\nToken (shown once, give it to ${member.name} only):\n${token}`);
      break;
    }
    case 'list-members': {
      if (!args[0]) fail('list-members needs a team id');
      for (const m of store.members(args[0])) {
        const state = m.revokedAt === undefined ? 'active' : `revoked ${new Date(m.revokedAt).toISOString()}`;
        console.log(`${m.id}\t${m.name}\tadded ${new Date(m.createdAt).toISOString()}\t${state}`);
      }
      break;
    }
    case 'revoke-member': {
      if (!args[0] || !args[1]) fail('revoke-member needs a team id and a member id');
      if (!store.revokeMember(args[0], args[1])) fail(`No active member ${args[1]} in team ${args[0]}`);
      console.log(`Revoked ${args[1]}`);
      break;
    }
    default:
      fail(`Unknown command: ${command}`);
  }
  store.close();
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
