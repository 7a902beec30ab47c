// Curated cue phrases in English, Ukrainian and Russian.
//
// Pattern syntax, one slot per space-separated part:
//   "stem"        a word starting with stem (Cyrillic words inflect, so stems
//                 match every case and gender: "скарг" → скарга, скарги, скаргу);
//   "word$"       exactly that word;
//   "a|b|c"       any of the alternatives;
//   "~N"          up to N other words may come before the next slot.
// `negatable` entries are dropped when a negator comes shortly before them
// ("no complaints", "без претензий", "жодних скарг").
//
// Decision on cancellation: only cancelling the relationship counts —
// a contract, subscription, service, account, order or cooperation. Cancelling
// a meeting, call or event ("cancel the meeting", "скасувати зустріч",
// "отменить встречу") is everyday scheduling, not a churn cue.

export type CueKind = 'complaint' | 'cancellation' | 'price' | 'competitor';

export interface CueEntry {
  kind: CueKind;
  pattern: string;
  negatable?: boolean;
}

const RELATIONSHIP_EN =
  'contract|subscription|service|account$|agreement|retainer|membership|plan$|plans$|cooperation|partnership|relationship|order$|orders$';
const RELATIONSHIP_UK = 'договір|договор|контракт|підписк|співпрац|послуг|абонемент|замовлен|обслугов|угод';
const RELATIONSHIP_RU = 'договор|контракт|подписк|сотрудничеств|услуг|абонемент|заказ|обслуживан|соглашени';
const VENDOR_EN =
  'agency|agencies|provider|providers|vendor|vendors|supplier|suppliers|company$|firm$|contractor|contractors|freelancer|studio$';

export const CUE_LEXICON: CueEntry[] = [
  // Complaint — English
  { kind: 'complaint', pattern: 'complain', negatable: true },
  { kind: 'complaint', pattern: 'disappoint', negatable: true },
  { kind: 'complaint', pattern: 'dissatisf' },
  { kind: 'complaint', pattern: 'unhappy' },
  { kind: 'complaint', pattern: 'frustrat', negatable: true },
  { kind: 'complaint', pattern: 'unacceptable' },
  { kind: 'complaint', pattern: 'not$ ~1 happy$|satisfied$|pleased$' },
  { kind: 'complaint', pattern: 'poor|bad$|terrible|awful|horrible ~1 service|quality|work$|experience|support$|job$' },
  { kind: 'complaint', pattern: "still$ waiting|not$|no$|haven't|hasn't" },
  { kind: 'complaint', pattern: 'nobody$|no-one$ ~2 respond|replied|replies|answer|got$' },
  { kind: 'complaint', pattern: 'no$ one$ ~1 respond|replied|replies|answer|got$' },
  { kind: 'complaint', pattern: 'being$|feel$|felt$ ignored$' },
  { kind: 'complaint', pattern: 'refund', negatable: true },
  { kind: 'complaint', pattern: 'escalat', negatable: true },
  // Complaint — Ukrainian
  { kind: 'complaint', pattern: 'скарг', negatable: true },
  { kind: 'complaint', pattern: 'поскаржи', negatable: true },
  { kind: 'complaint', pattern: 'незадовол', negatable: true },
  { kind: 'complaint', pattern: 'не$ задовол' },
  { kind: 'complaint', pattern: 'розчаров|розчарува', negatable: true },
  { kind: 'complaint', pattern: 'неприйнятн' },
  { kind: 'complaint', pattern: 'жахлив' },
  { kind: 'complaint', pattern: 'обурен|обурює' },
  { kind: 'complaint', pattern: 'досі$ не$|чекаємо$|чекаю$' },
  { kind: 'complaint', pattern: 'ніхто$ не$ відпов' },
  { kind: 'complaint', pattern: 'поверн ~2 кошт|грош' },
  { kind: 'complaint', pattern: 'претензі', negatable: true },
  { kind: 'complaint', pattern: 'поган ~1 якіст|сервіс|обслугов|робот' },
  // Complaint — Russian
  { kind: 'complaint', pattern: 'жалоб|жалуем|жалуюсь|пожаловат', negatable: true },
  { kind: 'complaint', pattern: 'недовол', negatable: true },
  { kind: 'complaint', pattern: 'не$ доволь|довол' },
  { kind: 'complaint', pattern: 'разочарова', negatable: true },
  { kind: 'complaint', pattern: 'неприемлем' },
  { kind: 'complaint', pattern: 'ужасн' },
  { kind: 'complaint', pattern: 'возмути|возмущ' },
  { kind: 'complaint', pattern: 'до$ сих$ пор$ не$|ждем$|жду$' },
  { kind: 'complaint', pattern: 'никто$ не$ ответ|отвеча' },
  { kind: 'complaint', pattern: 'возврат ~2 денег$|средств' },
  { kind: 'complaint', pattern: 'претензи', negatable: true },
  { kind: 'complaint', pattern: 'плох ~1 качеств|сервис|обслуживан|работ' },

  // Cancellation — English
  {
    kind: 'cancellation',
    pattern: `cancel|cancelling|canceling|terminat|end$|ending$|discontinu ~3 ${RELATIONSHIP_EN}`,
  },
  { kind: 'cancellation', pattern: 'termination' },
  { kind: 'cancellation', pattern: 'stop$|stopping$ ~1 working$|work$ with$' },
  { kind: 'cancellation', pattern: 'no$ longer$ ~2 need|require|use$|using$ ~2 your$|you$|services$|service$' },
  { kind: 'cancellation', pattern: 'not$ ~1 renew|renewing' },
  { kind: 'cancellation', pattern: 'notice$ ~2 leaving|cancellation' },
  // Cancellation — Ukrainian
  { kind: 'cancellation', pattern: `скасув|відмов|розірв|припин|зупин ~3 ${RELATIONSHIP_UK}` },
  { kind: 'cancellation', pattern: 'розірванн' },
  { kind: 'cancellation', pattern: 'більше$ не$ ~1 потрібн|потребу|будемо|співпрацю' },
  {
    kind: 'cancellation',
    pattern: 'не$ ~1 продовжу|подовжу|продовжи|подовжи ~2 договір|договор|контракт|підписк|співпрац',
  },
  // Cancellation — Russian
  { kind: 'cancellation', pattern: `отмен|отказ|расторг|прекрат|прекращ|приостанов ~3 ${RELATIONSHIP_RU}` },
  { kind: 'cancellation', pattern: 'расторжени' },
  { kind: 'cancellation', pattern: 'больше$ не$ ~1 нужн|нуждаемся|будем|сотрудничать' },
  { kind: 'cancellation', pattern: 'не$ ~1 продл|продолж ~2 договор|контракт|подписк|сотрудничеств' },

  // Price — English
  { kind: 'price', pattern: 'too$ expensive|pricey|costly' },
  { kind: 'price', pattern: 'expensive|overpric', negatable: true },
  {
    kind: 'price',
    pattern: 'price|prices$|pricing|rate$|rates$|fee$|fees$|cost$|costs$ ~2 increas|hike|rise$|higher$',
  },
  { kind: 'price', pattern: 'cheaper', negatable: true },
  { kind: 'price', pattern: 'over$ budget$' },
  { kind: 'price', pattern: 'budget ~2 cut$|cuts$|tight$|constraint|reduc' },
  { kind: 'price', pattern: 'discount', negatable: true },
  { kind: 'price', pattern: 'lower ~1 price|rate$|rates$|fee$|fees$' },
  { kind: 'price', pattern: "can't|cannot|cant$ afford" },
  // Price — Ukrainian
  { kind: 'price', pattern: 'занадто$|надто$|дуже$ дорог' },
  { kind: 'price', pattern: 'дорожч|дорогуват|подорожч', negatable: true },
  { kind: 'price', pattern: 'дорого$', negatable: true },
  { kind: 'price', pattern: 'ціна$|ціни$|цін$|вартіст|тариф ~2 зрос|підвищ|вищ|завелик|висок' },
  { kind: 'price', pattern: 'знижк' },
  { kind: 'price', pattern: 'дешевш', negatable: true },
  { kind: 'price', pattern: 'бюджет ~2 скорот|обмеж|урізан' },
  { kind: 'price', pattern: 'не$ можемо$ ~1 дозволит' },
  // Price — Russian
  { kind: 'price', pattern: 'слишком$|очень$ дорог' },
  { kind: 'price', pattern: 'дороже$|дороговат|подорожа', negatable: true },
  { kind: 'price', pattern: 'цена$|цены$|цен$|стоимост|тариф ~2 вырос|вырастет|повыш|выше$|высок' },
  { kind: 'price', pattern: 'скидк' },
  { kind: 'price', pattern: 'дешевле', negatable: true },
  { kind: 'price', pattern: 'бюджет ~2 сократ|сокращ|урез|ограничен' },
  { kind: 'price', pattern: 'не$ можем$ ~1 позволит' },

  // Competitor — English
  { kind: 'competitor', pattern: 'competitor|competition$' },
  { kind: 'competitor', pattern: `another$|other$|different$|new$ ~1 ${VENDOR_EN}` },
  { kind: 'competitor', pattern: 'switch|switching|move$|moving$ ~2 another$|elsewhere$|competitor' },
  { kind: 'competitor', pattern: 'alternative ~2 provider|vendor|agency|option|supplier|solution' },
  { kind: 'competitor', pattern: 'better$ offer|deal$|quote|price$ ~2 from$|elsewhere$' },
  { kind: 'competitor', pattern: 'looking$ ~1 at$|for$ ~1 other$|another$|alternatives$' },
  // Competitor — Ukrainian
  { kind: 'competitor', pattern: 'конкурент' },
  { kind: 'competitor', pattern: 'інш ~1 агенц|підрядник|постачальник|компані|виконавц|студі|фірм' },
  { kind: 'competitor', pattern: 'альтернатив' },
  { kind: 'competitor', pattern: 'перей|переход ~3 інш|конкурент' },
  { kind: 'competitor', pattern: 'вигідн|кращ ~1 пропозиц|умов' },
  // Competitor — Russian
  { kind: 'competitor', pattern: 'друг ~1 агентств|подрядчик|поставщик|компани|исполнител|студи|фирм' },
  { kind: 'competitor', pattern: 'перей|переход ~3 друг|конкурент' },
  { kind: 'competitor', pattern: 'выгодн|лучш ~1 предложени|услови' },
];

/** Words that negate a cue a few words after them. Stems end in "*". */
export const NEGATORS = [
  'no',
  'not',
  'never',
  'without',
  'none',
  "don't",
  'dont',
  "didn't",
  "haven't",
  "hasn't",
  "wasn't",
  'nothing',
  'zero',
  'не',
  'ні',
  'нi',
  'нет',
  'ни',
  'без',
  'жодн*',
  'ніяк*',
  'никак*',
  'немає',
  'нема',
];
