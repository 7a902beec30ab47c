// The one table of what an address says about its sender. Every entry is
// evidence the user can read ("a role address: renewals"), never a verdict on
// its own: the user's correspondence with an address overrides the `role`,
// `host` and `platform` entries, and only the `machine` ones hold whatever the
// user did, since nobody reads what is sent to them.
//
// Left out on purpose, because small businesses really write from them and a
// new client who writes first must show as waiting on the user: info, hello,
// contact, sales, support, office, team, admin, service, help, enquiries,
// accounts, payments, events, jobs, hr.

export type RuleKind = 'machine' | 'role' | 'host' | 'platform';

export interface SenderRule {
  kind: RuleKind;
  /** `machine`: a word found anywhere in the local part, separators ignored; `role`: a whole word of it. */
  word?: string;
  /** `role` only: the word must be the whole local part. */
  whole?: true;
  /** `host`: a label of the sender's host left of its organisation's domain (digits after it ignored). */
  label?: string;
  /** `platform`: the registrable domain. */
  domain?: string;
}

export const SENDER_RULES: readonly SenderRule[] = [
  // Machines: mail to them is read by nobody, so no correspondence makes them a client.
  { kind: 'machine', word: 'noreply' }, // no-reply, no_reply, drive-shares-dm-noreply: says so itself
  { kind: 'machine', word: 'donotreply' }, // do-not-reply, do_not_reply: the same
  { kind: 'machine', word: 'mailerdaemon' }, // delivery failure reports
  { kind: 'machine', word: 'postmaster' }, // mail server administration and bounces
  { kind: 'machine', word: 'bounce' }, // bounce-123@, bounces+id@: return paths of bulk senders
  { kind: 'machine', word: 'autoreply' }, // auto-reply@: answers nobody wrote
  { kind: 'machine', word: 'autoconfirm' }, // auto-confirm@: subscription confirmations
  { kind: 'machine', word: 'automated' }, // automatedmail@, automated-notice@
  { kind: 'machine', word: 'unsubscribe' }, // list commands
  { kind: 'machine', word: 'listserv' }, // list servers
  { kind: 'machine', word: 'majordomo' },
  // Roles: a company's system or campaign writes from these; a person rarely does, and then
  // the user answers them, which makes them a client.
  { kind: 'role', word: 'notifications' }, // notifications@clio.com, @github.com: app notices
  { kind: 'role', word: 'notification' }, // calendar-notification@google.com
  { kind: 'role', word: 'notify' }, // notify@: the same
  { kind: 'role', word: 'alerts' }, // alerts@: account and price alerts
  { kind: 'role', word: 'alert' },
  { kind: 'role', word: 'renewals' }, // renewals@ of a SaaS vendor: subscription notices
  { kind: 'role', word: 'renewal' },
  { kind: 'role', word: 'billing' }, // a vendor's billing system: invoices to the user, not from a client
  { kind: 'role', word: 'invoice' }, // invoice@, invoices@: generated invoices
  { kind: 'role', word: 'invoices' },
  { kind: 'role', word: 'receipts' }, // receipts@: payment receipts
  { kind: 'role', word: 'receipt' },
  { kind: 'role', word: 'statements' }, // monthly statements of banks and brokers
  { kind: 'role', word: 'statement' },
  { kind: 'role', word: 'orders' }, // orders@, order-update@: shop order notices
  { kind: 'role', word: 'order' },
  { kind: 'role', word: 'shipment' }, // shipment-tracking@: delivery notices
  { kind: 'role', word: 'shipments' },
  { kind: 'role', word: 'shipping' },
  { kind: 'role', word: 'tracking' },
  { kind: 'role', word: 'newsletter' }, // newsletters
  { kind: 'role', word: 'newsletters' },
  { kind: 'role', word: 'news' }, // news@, store-news@, partner-news@: newsletters
  { kind: 'role', word: 'digest' }, // weekly-digest@: summaries sent to everyone
  { kind: 'role', word: 'marketing' }, // campaigns
  { kind: 'role', word: 'promotions' }, // promotions@, promo@, offers@, deals@: campaigns
  { kind: 'role', word: 'promo' },
  { kind: 'role', word: 'offers' },
  { kind: 'role', word: 'deals' },
  { kind: 'role', word: 'announce' }, // announce@, announcements@: one-to-many
  { kind: 'role', word: 'announcements' },
  { kind: 'role', word: 'updates' }, // updates@, enron_update@: product and account updates
  { kind: 'role', word: 'update' },
  { kind: 'role', word: 'reminders' }, // appointment and payment reminders
  { kind: 'role', word: 'reminder' },
  { kind: 'role', word: 'verification' }, // codes and address checks
  { kind: 'role', word: 'verify' },
  { kind: 'role', word: 'survey' }, // feedback@, survey@: questionnaires after a purchase
  { kind: 'role', word: 'surveys' },
  { kind: 'role', word: 'feedback' },
  { kind: 'role', word: 'subscriptions' }, // subscription management
  { kind: 'role', word: 'mailer' }, // mailer@, mailing@: bulk mail
  { kind: 'role', word: 'mailing' },
  // A mailbox named after nothing but mail: one-person newsletters write from mail@<their name>.com.
  // The least certain entry: a firm that writes from it is a client once the user corresponds with it.
  { kind: 'role', word: 'mail', whole: true },
  { kind: 'role', word: 'email', whole: true },
  // Hosts: brands send bulk mail from a subdomain of their own, kept apart from their people's mail.
  { kind: 'host', label: 't' }, // deltaairlines@t.delta.com
  { kind: 'host', label: 'e' }, // e.brand.com, e2.brand.com
  { kind: 'host', label: 'em' },
  { kind: 'host', label: 'email' }, // email.brand.com
  { kind: 'host', label: 'emails' },
  { kind: 'host', label: 'mail' }, // mail.brand.com, mail2.egreetings.com
  { kind: 'host', label: 'mailer' },
  { kind: 'host', label: 'mailing' },
  { kind: 'host', label: 'news' }, // news.brand.com
  { kind: 'host', label: 'newsletter' },
  { kind: 'host', label: 'info' }, // info.aa.com: a host, unlike info@, names no mailbox of a person
  { kind: 'host', label: 'reply' }, // reply.brand.com: campaign replies
  { kind: 'host', label: 'marketing' },
  { kind: 'host', label: 'mkt' },
  { kind: 'host', label: 'promo' },
  { kind: 'host', label: 'offers' },
  { kind: 'host', label: 'notify' },
  { kind: 'host', label: 'notification' }, // notification.intuit.com
  { kind: 'host', label: 'notifications' },
  { kind: 'host', label: 'alerts' },
  { kind: 'host', label: 'updates' },
  { kind: 'host', label: 'bounce' },
  { kind: 'host', label: 'bounces' },
  { kind: 'host', label: 'list' }, // lists.example.org: mailing lists
  { kind: 'host', label: 'lists' },
  // Platforms: every address there sends for someone else, to many.
  { kind: 'platform', domain: 'substack.com' }, // newsletters; writers get name@substack.com
  { kind: 'platform', domain: 'beehiiv.com' }, // newsletters
  { kind: 'platform', domain: 'buttondown.email' }, // newsletters
  { kind: 'platform', domain: 'convertkit-mail.com' }, // newsletters of creators on free mail
  { kind: 'platform', domain: 'convertkit-mail2.com' },
  { kind: 'platform', domain: 'luma-mail.com' }, // event invitations (usr-…@user.luma-mail.com)
  { kind: 'platform', domain: 'eventbrite.com' }, // event tickets and organisers' mailings
  { kind: 'platform', domain: 'meetup.com' }, // group event notices
  { kind: 'platform', domain: 'paypal.com' }, // payment notices and invoices sent for merchants
  { kind: 'platform', domain: 'facebookmail.com' }, // social notifications
  { kind: 'platform', domain: 'mcsv.net' }, // Mailchimp's sending domains
  { kind: 'platform', domain: 'rsgsv.net' },
  { kind: 'platform', domain: 'list-manage.com' },
  { kind: 'platform', domain: 'createsend.com' }, // Campaign Monitor
  { kind: 'platform', domain: 'sendgrid.net' }, // bulk-sending services' own domains
  { kind: 'platform', domain: 'amazonses.com' },
  { kind: 'platform', domain: 'mailgun.org' },
  { kind: 'platform', domain: 'googlegroups.com' }, // mailing lists: every address is a list
  { kind: 'platform', domain: 'groups.io' },
  { kind: 'platform', domain: 'freelists.org' },
  { kind: 'platform', domain: 'yahoogroups.com' },
];
