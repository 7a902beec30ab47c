/**
 * Background → CRM tabs: what Keepwarm knows of the record's client changed
 * (the user watched or forgot it); read the page and ask again. Sent with
 * tabs.sendMessage to tabs that sent a record, so it needs no `tabs` permission.
 */
export const CRM_CHANGED_NOTICE = 'background/crm-changed';
