-- Shared HTTP sessions (issue 14): Spring Session JDBC keeps every signed-in session here, so a login on one
-- node is valid on every node behind the proxy and a logout on any node ends it everywhere. The schema is
-- Spring Session's own (org/springframework/session/jdbc/schema-postgresql.sql in spring-session-jdbc), written
-- once for PostgreSQL and H2 (H2 reads BYTEA as a binary column). Sessions hold no personal data beyond the user
-- id; expired rows are deleted by Spring Session itself every minute (spring.session.jdbc.cleanup-cron).
create table spring_session (
  primary_id             char(36)     not null,
  session_id             char(36)     not null,
  creation_time          bigint       not null,
  last_access_time       bigint       not null,
  max_inactive_interval  int          not null,
  expiry_time            bigint       not null,
  principal_name         varchar(100),
  constraint spring_session_pk primary key (primary_id)
);

create unique index spring_session_ix1 on spring_session (session_id);
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);

create table spring_session_attributes (
  session_primary_id  char(36)      not null,
  attribute_name      varchar(200)  not null,
  attribute_bytes     bytea         not null,
  constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
  constraint spring_session_attributes_fk foreign key (session_primary_id)
    references spring_session (primary_id) on delete cascade
);
