import { accessStrings } from './strings/access';
import { backtestStrings } from './strings/backtest';
import { badgeStrings } from './strings/badges';
import { coreStrings } from './strings/core';
import { crmStrings } from './strings/crm';
import { crmPanelStrings } from './strings/crm-panel';
import { dashboardStrings } from './strings/dashboard';
import { digestStrings } from './strings/digest';
import { followUpStrings } from './strings/follow-ups';
import { importStrings } from './strings/import';
import { optionsStrings } from './strings/options';
import { popupStrings } from './strings/popup';
import { reasonStrings } from './strings/reasons';
import { riskModelStrings } from './strings/risk-model';
import { setAsideStrings } from './strings/set-aside';
import { sidePanelStrings } from './strings/side-panel';
import { storageStrings } from './strings/storage';
import { teamStrings } from './strings/team';
import { teamViewStrings } from './strings/team-view';
import { urgencyStrings } from './strings/urgency';

// Each surface keeps its texts in its own file under strings/; the catalogs are
// their union, so adding a surface is one file and one line here.
export const STRING_AREAS = [
  coreStrings,
  importStrings,
  crmStrings,
  optionsStrings,
  digestStrings,
  badgeStrings,
  popupStrings,
  reasonStrings,
  sidePanelStrings,
  storageStrings,
  crmPanelStrings,
  setAsideStrings,
  accessStrings,
  dashboardStrings,
  followUpStrings,
  backtestStrings,
  urgencyStrings,
  riskModelStrings,
  teamStrings,
  teamViewStrings,
] as const;

type Union<T> = (T extends unknown ? (x: T) => void : never) extends (x: infer I) => void ? I : never;
type EnglishOf<A> = A extends { en: infer E } ? E : never;

export type EnglishCatalog = Union<EnglishOf<(typeof STRING_AREAS)[number]>>;
export type MessageKey = keyof EnglishCatalog;

function merge(language: 'en' | 'uk' | 'ru'): Record<MessageKey, string> {
  return Object.assign({}, ...STRING_AREAS.map((area) => area[language]));
}

export const en = merge('en');
export const uk = merge('uk');
export const ru = merge('ru');
