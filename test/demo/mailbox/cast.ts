import type { DemoLanguage, DemoPerson, ScenarioName } from './types';

// Who writes in the demo. Organisations have several people on their own
// domain (some under multi-part public suffixes); free-mail clients are single
// people. Names are invented.

export interface ClientCast {
  name: string;
  domain?: string;
  people: DemoPerson[];
  language: DemoLanguage;
  scenario: ScenarioName;
}

const org = (
  name: string,
  domain: string,
  people: [string, string][],
  scenario: ScenarioName,
  language: DemoLanguage = 'en',
): ClientCast => ({
  name,
  domain,
  people: people.map(([local, full]) => ({ email: `${local}@${domain}`, name: full })),
  language,
  scenario,
});

const person = (email: string, name: string, scenario: ScenarioName, language: DemoLanguage = 'en'): ClientCast => ({
  name,
  people: [{ email, name }],
  language,
  scenario,
});

export const PRIMARY_ACCOUNT = {
  address: 'olena@brightpath.studio',
  name: 'Olena Kovalenko',
  colleagues: [
    { email: 'taras@brightpath.studio', name: 'Taras Melnyk' },
    { email: 'iryna@brightpath.studio', name: 'Iryna Bondar' },
    { email: 'accounts@brightpath.studio', name: 'BrightPath Accounts' },
  ],
};

export const PRIMARY_CLIENTS: ClientCast[] = [
  org(
    'Acme Logistics',
    'acmelogistics.com',
    [
      ['dana', 'Dana Whitfield'],
      ['raj', 'Raj Patel'],
      ['ops', 'Acme Ops'],
    ],
    'healthy',
  ),
  org(
    'Northwind Dental',
    'northwind-dental.co.uk',
    [
      ['claire', 'Claire Hughes'],
      ['tom', 'Tom Ellis'],
    ],
    'healthy',
  ),
  org(
    'Kvitka Florist',
    'kvitka.com.ua',
    [
      ['oksana', 'Оксана Шевчук'],
      ['info', 'Квітка'],
    ],
    'healthy',
    'uk',
  ),
  org(
    'Lumen Architects',
    'lumen-arch.de',
    [
      ['jonas', 'Jonas Weber'],
      ['mia', 'Mia Braun'],
    ],
    'healthy',
  ),
  org('Harbor & Pine', 'harborpine.com', [['eli', 'Eli Morgan']], 'healthy'),
  org(
    'Solaris Energy',
    'solaris-energy.io',
    [
      ['nina', 'Nina Park'],
      ['lee', 'Lee Chang'],
    ],
    'healthy',
  ),
  org('Orbit Fitness', 'orbitfit.com.au', [['sam', 'Sam Taylor']], 'healthy'),
  org('Bistro Verde', 'bistroverde.es', [['lucia', 'Lucía Martín']], 'healthy'),
  org(
    'Pixel Forge',
    'pixelforge.dev',
    [
      ['ana', 'Ana Costa'],
      ['ben', 'Ben Ross'],
    ],
    'healthy',
  ),
  org('Green Valley Farms', 'greenvalley.farm', [['grace', 'Grace Miller']], 'healthy'),
  org(
    'Atlas Legal',
    'atlaslegal.com',
    [
      ['victor', 'Victor Hale'],
      ['paralegal', 'Atlas Paralegal Team'],
    ],
    'healthy',
  ),
  org('Medtrek Clinics', 'medtrek.co.uk', [['priya', 'Priya Shah']], 'healthy'),
  org(
    'Dnipro Steel Service',
    'dniprosteel.com.ua',
    [
      ['andriy', 'Андрій Ткаченко'],
      ['olha', 'Ольга Лисенко'],
    ],
    'healthy',
    'uk',
  ),
  org('Sever Trade', 'severtrade.ru', [['dmitry', 'Дмитрий Волков']], 'healthy', 'ru'),
  person('mark.jensen.photo@gmail.com', 'Mark Jensen', 'healthy'),
  person('sofia.romero@yahoo.com', 'Sofia Romero', 'healthy'),
  person('petro.hnatiuk@ukr.net', 'Петро Гнатюк', 'healthy', 'uk'),
  org(
    'Crescent Hotels',
    'crescenthotels.com',
    [
      ['laura', 'Laura Bennett'],
      ['frontdesk', 'Crescent Front Desk'],
    ],
    'healthy',
  ),
  org(
    'Tidewater Marine',
    'tidewatermarine.com',
    [
      ['hank', 'Hank Doyle'],
      ['sue', 'Sue Park'],
    ],
    'slowingReplies',
  ),
  org('Maple & Co Bakery', 'maplebakery.ca', [['june', 'June Carter']], 'goingQuiet'),
  org(
    'Kraftwerk Media',
    'kraftwerk-media.de',
    [
      ['felix', 'Felix Wagner'],
      ['hanna', 'Hanna Vogel'],
    ],
    'complaintCompetitor',
  ),
  org('Zoryana Realty', 'zoryana.com.ua', [['marta', 'Марта Іваненко']], 'complaintCompetitor', 'uk'),
  org(
    'Bluebird Events',
    'bluebirdevents.com',
    [
      ['olivia', 'Olivia Grant'],
      ['max', 'Max Turner'],
    ],
    'waitingOnUs',
  ),
  person('irina.sokolova@mail.ru', 'Ирина Соколова', 'waitingOnUs', 'ru'),
  org('Quarry Stone Supply', 'quarrystone.com', [['bill', 'Bill Hayes']], 'stoppedAnswering'),
  org(
    'Nimbus Analytics',
    'nimbusanalytics.ai',
    [
      ['zoe', 'Zoe Adams'],
      ['omar', 'Omar Farouk'],
    ],
    'newClient',
  ),
  person('kateryna.design@gmail.com', 'Катерина Савчук', 'newClient', 'uk'),
  org('Polar Optics', 'polaroptics.ru', [['sergey', 'Сергей Орлов']], 'slowingReplies', 'ru'),
  org('Cobalt Freight', 'cobaltfreight.com', [['nate', 'Nate Fisher']], 'goingQuiet'),
  org('Redwood Wellness', 'redwoodwellness.com', [['amy', 'Amy Liu']], 'stoppedAnswering'),
  org('Vinnytsia Agro', 'vinagro.com.ua', [['serhii', 'Сергій Поліщук']], 'healthy', 'uk'),
  org('Evergreen Schools', 'evergreen.edu.au', [['rachel', 'Rachel Moore']], 'healthy'),
];

export const SECOND_ACCOUNT = {
  address: 'olena.kovalenko.design@gmail.com',
  name: 'Olena Kovalenko',
  colleagues: [] as DemoPerson[],
};

export const SECOND_CLIENTS: ClientCast[] = [
  person('andrew.pike@outlook.com', 'Andrew Pike', 'healthy'),
  org('Lviv Coffee Lab', 'lvivcoffee.com.ua', [['yurii', 'Юрій Кравець']], 'waitingOnUs', 'uk'),
  org('Studio Nord', 'studionord.se', [['elsa', 'Elsa Lind']], 'goingQuiet'),
  person('maria.ivanova@yandex.ru', 'Мария Иванова', 'healthy', 'ru'),
];

/** Senders that are never clients: newsletters, notifications, mailing lists. */
export const AUTOMATED_SENDERS: {
  person: DemoPerson;
  kind: 'newsletter' | 'notification';
  category: 'promotions' | 'updates';
}[] = [
  { person: { email: 'no-reply@accounts.google.com', name: 'Google' }, kind: 'notification', category: 'updates' },
  { person: { email: 'notifications@github.com', name: 'GitHub' }, kind: 'notification', category: 'updates' },
  {
    person: { email: 'newsletter@smashingmagazine.com', name: 'Smashing Magazine' },
    kind: 'newsletter',
    category: 'promotions',
  },
  { person: { email: 'news@figma.com', name: 'Figma' }, kind: 'newsletter', category: 'promotions' },
  { person: { email: 'noreply@stripe.com', name: 'Stripe' }, kind: 'notification', category: 'updates' },
  {
    person: { email: 'design-leaders@googlegroups.com', name: 'Design Leaders list' },
    kind: 'newsletter',
    category: 'updates',
  },
];
