-- A reservation made inside another module's transaction (a fulfilment's) belongs to that module:
-- the public reservation API may read it but not release or fulfil it.
alter table reservation add column managed boolean not null default false;
