-- The arrears from each installment's paid-to-date principal (issue 15, national size: docs/PERFORMANCE.md
-- section 6). repayment's PortfolioArrears reads, on a day no payment is dated after (today), only the
-- installments: this index holds every column it reads, so a province's loans find their installments by an
-- index-only scan, and it replaces V89's installment index (same leading columns, for the ledger's join on
-- loan and seq). Whether any payment is dated after the day is one look-up of the payment dates.
drop index if exists ix_installment_loan_cover;
create index if not exists ix_installment_loan_owed
  on repayment_installment (loan_id, seq, due_date, principal, principal_paid, restructured_on, rescheduled_from);
create index if not exists ix_payment_paid_after on repayment_payment (paid_on);
