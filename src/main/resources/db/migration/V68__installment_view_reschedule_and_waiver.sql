-- The published installment view (V65) gains the columns repayment added in V45 and V52, which other
-- capabilities must see to read a loan's schedule rightly: an installment closed by a restructuring
-- (restructured_on) or opened by one (rescheduled_from), and the interest forgiven on an early settlement
-- (interest_waived). Readers: restructuring's outstanding principal, overdue's nightly scan.
drop view installment_view;

create view installment_view as
  select loan_id, seq, due_date, principal, interest, principal_paid, interest_paid, settled_on,
         interest_waived, restructured_on, rescheduled_from
  from repayment_installment;
