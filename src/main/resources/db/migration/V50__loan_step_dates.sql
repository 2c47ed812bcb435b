-- Dates in order over a loan's life (issue 13): the day each step was done, kept in the fund's records so that
-- each later step is checked against the one before it (application <= endorsement <= screening <= approval <=
-- contract <= transfer). province_approved_on is V44, contract_date and transfer_date are V1.
alter table loan_project add column applied_on date;
alter table loan_project add column endorsed_on date;
alter table loan_project add column screened_on date;
-- applications registered before this column existed were applied for on the day they were keyed
update loan_project set applied_on = cast(created_at as date) where applied_on is null;
