-- Human takeover: the founder can answer a conversation in the assistant's place.
-- `handled_by` says who answers the visitor now; while it is 'human' the model is not called.
alter table conversations add column if not exists handled_by text not null default 'assistant'
  check (handled_by in ('assistant', 'human'));

-- Who wrote an assistant-role message when it was not the model: the operator's identity
-- ('admin' or 'user:<id>'). Null for the model's own messages and for the caller's.
-- Such messages stay in the model's history, so a hand-back resumes with them in context.
alter table messages add column if not exists author text;
