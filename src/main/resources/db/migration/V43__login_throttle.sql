-- Failed logins per client address (issue 11), shared by every node: after a few failures from one address its
-- further login attempts wait, longer each time up to a ceiling, until the time in blocked_until. The count is
-- forgotten some time after the last failure (womenfund.login-throttle.forget-after); an administrator lifts a
-- wait at /admin/locks. Per-account waits stay in the engine's ACT_ID_USER (ATTEMPTS_, LOCK_EXP_TIME_).
create table login_throttle (
  client_address   varchar(64) primary key,
  failures         integer     not null,
  last_failure_at  timestamp   not null,
  blocked_until    timestamp
);
