import type { SelectorSpec } from './selector-spec';

// The selectors of an open conversation, apart from the list rows': they match
// only the conversation pages, and their markup changed at different redesigns.
export const CONVERSATION_SELECTORS = {
  conversation: {
    css: '[role=main] .a98.iY',
    fallbacks: [
      {
        css: '[role=main] table.Bs > tbody > tr',
        era: 'until 2023-11-16',
        matches: {
          'current-conversation': 0,
          'conversation-until-2023': 1,
          'conversation-2018': 0,
          'real-2025-conversation': 0,
        },
      },
      {
        css: '[role=main] .if',
        era: '2018 redesign era',
        matches: {
          'current-conversation': 0,
          'conversation-until-2023': 0,
          'conversation-2018': 1,
          'real-2025-conversation': 0,
        },
      },
    ],
    why: 'The open thread container, `.a98.iY` since 2023-11-16.',
    matches: {
      'demo-conversation': 1,
      'current-conversation': 1,
      'demo-inbox': 0,
      'current-inbox-vertical': 0,
      'current-inbox-ru': 0,
      'real-2025-inbox': 0,
      'real-2025-conversation': 1,
    },
  },
  conversationSubject: {
    css: 'h2.hP',
    why: 'The subject heading; the only element whose thread-id attributes are the thread’s own.',
    matches: { 'demo-conversation': 1, 'current-conversation': 1, 'real-2025-conversation': 1 },
  },
  message: {
    css: '.adn',
    why: 'One rendered message (expanded or collapsed); folded ones are not in the DOM.',
    matches: { 'demo-conversation': 3, 'current-conversation': 4, 'real-2025-conversation': 2 },
  },
  messageSender: {
    css: 'span.gD[email]',
    why: 'The sender of a message, with its address.',
    matches: { 'demo-conversation': 3, 'current-conversation': 4, 'real-2025-conversation': 2 },
  },
  messageRecipient: {
    css: 'span.g2[email]',
    why: 'Recipients shown in an expanded header ("to …"); a display sample.',
    matches: { 'demo-conversation': 2, 'current-conversation': 3, 'real-2025-conversation': 2 },
  },
  messageDate: {
    css: 'span.g3[title]',
    why: 'The message date: expanded under `td.gH div.gK`, collapsed directly under `td.gH`.',
    matches: { 'demo-conversation': 3, 'current-conversation': 4, 'real-2025-conversation': 2 },
  },
  folded: {
    css: '.adx',
    why: 'The "N older messages" fold; its number is all the DOM says of the hidden messages.',
    matches: { 'demo-conversation': 1, 'current-conversation': 1, 'real-2025-conversation': 0 },
  },
} satisfies Record<string, SelectorSpec>;
