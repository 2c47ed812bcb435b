-- Accounts whose password was chosen by someone else (a provisioning invitation, an administrator's reset in Camunda
-- Admin or through the REST API): a row here means the person must choose her own password before doing anything
-- else (security/OneTimePasswords, PasswordChangeGate). The password itself is never stored. The row goes when she
-- sets a new one on /password/change. Not used with the directory (profile ldap): passwords are the directory's.
create table one_time_password (
  user_id  varchar(64)  primary key,
  set_at   timestamp    not null,
  reason   varchar(20)  not null
);
