-- Borrowers are members (issue 13): a borrower not yet in the member register is registered in the step that
-- registers (or fixes) her loan application, under the member rules. loan_id names that application, so a fix of
-- the same application later still counts her as a member from its application date; null for members registered
-- at /membership.
alter table fund_membership add column loan_id bigint;
