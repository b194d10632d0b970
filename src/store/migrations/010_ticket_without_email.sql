-- A visitor who typed no email can still open a ticket: they are in the conversation, and the
-- team answers them there (human takeover, 006). Such a ticket has no contact email until the
-- visitor gives one; a later escalation in the same conversation fills it in.
alter table tickets alter column contact_email drop not null;
