-- A province's arrears by index only (issue 15, national size: see docs/PERFORMANCE.md section 6). repayment's
-- PortfolioArrears reads, for the province's loans, their installments, the allocations of their payments and
-- each payment's date. With only the primary keys the planner preferred to read all of the country's
-- installments (1,000,000) and allocations (631,152) and hash them; with these indexes holding every column the
-- query reads, each loan's rows come from an index-only scan: about 42,000 installment and 26,000 allocation
-- entries for a province of 4,189 loans instead of 1.6 million rows. Plain multi-column indexes (H2 and
-- PostgreSQL alike; no INCLUDE).
create index if not exists ix_installment_loan_cover
  on repayment_installment (loan_id, seq, due_date, principal, restructured_on, rescheduled_from);
create index if not exists ix_allocation_loan_cover on payment_allocation (loan_id, seq, payment_id, principal);
create index if not exists ix_payment_paid_on on repayment_payment (id, paid_on);
