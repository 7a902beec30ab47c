# Reads every mailbox file given on the command line with Python's standard
# `mailbox` module and takes the same fields Keepwarm's import keeps: ids,
# date, decoded sender, recipients and subject, and the start of the first
# text part. Prints the message count and the seconds spent, startup excluded.
import email.errors
import email.header
import email.utils
import json
import mailbox
import sys
import time


def text(value):
    if not value:
        return ''
    try:
        return str(email.header.make_header(email.header.decode_header(value)))
    except (LookupError, UnicodeError, email.errors.HeaderParseError):
        return str(value)


start = time.perf_counter()
count = 0
for path in sys.argv[1:]:
    for message in mailbox.mbox(path, create=False):
        count += 1
        fields = [message.get('Message-ID'), message.get('In-Reply-To'), message.get('References')]
        date = message.get('Date')
        try:
            fields.append(email.utils.parsedate_to_datetime(date) if date else None)
        except (TypeError, ValueError):
            fields.append(None)
        people = email.utils.getaddresses(message.get_all('From', []) + message.get_all('To', []) + message.get_all('Cc', []))
        fields.append([(text(name), address.lower()) for name, address in people])
        fields.append(text(message.get('Subject')))
        for part in message.walk():
            if part.get_content_type() == 'text/plain':
                payload = part.get_payload(decode=True) or b''
                fields.append(payload[:16384].decode(part.get_content_charset() or 'utf-8', 'replace'))
                break
print(json.dumps({'messages': count, 'seconds': time.perf_counter() - start}))
