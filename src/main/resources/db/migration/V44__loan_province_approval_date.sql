-- The day the provincial sub-committee's approval was recorded: the contract (and so the risk cover) cannot be
-- dated before it. Empty for loans approved before this column existed.
alter table loan_project add column province_approved_on date;
