-- Accounts created from a provisioning file (provisioning/AccountProvisioning) wait here until their one-time
-- password has gone out by mail (provisioning/AccountInvitations). The password itself is never stored: each
-- attempt sets a fresh one on the account and mails it in the same transaction; a failed attempt is counted and
-- retried. sent_at set: done, never again (the mail's dedup key is account-invitation:<user id>).
create table account_invitation (
  user_id     varchar(64)   primary key,
  email       varchar(255)  not null,
  created_at  timestamp     not null,
  sent_at     timestamp,
  attempts    integer       default 0 not null,
  last_error  varchar(500)
);
create index ix_account_invitation_pending on account_invitation (sent_at);
