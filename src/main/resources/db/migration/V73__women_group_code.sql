-- Issue 15 (portfolio import): a group's code in the fund's books, the natural key by which an imported group is
-- found again (the same file imported twice adds nothing). Groups registered through the application have none.
alter table women_group add column group_code varchar(30);
create unique index ux_women_group_code on women_group (group_code);
