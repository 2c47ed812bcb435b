-- Published read views (issue 12). Each capability owns its tables (TableOwnershipTest holds the map) and is
-- their one writer. Another capability that must join them in a set-based query (the nightly overdue scan,
-- the portfolio and dashboard figures, the restructuring candidates) reads only these views: the owner keeps
-- them stable when it changes its tables, and writes always go through the owner's Java API.

-- loan: the loan register, the groups that borrow, and who borrowed how much
create view loan_view as
  select id, application_no, contract_no, group_id, district_code, province_code, requested_amount, status,
         contract_date, transfer_date
  from loan_project;

create view women_group_view as
  select id, name, contact_name, contact_email
  from women_group;

create view loan_borrower_view as
  select loan_id, member_id, amount
  from loan_borrower;

-- member: the fund's members
create view member_view as
  select id, national_id, full_name, sub_district_code
  from member;

-- repayment: the installments of each loan and what was paid of them
create view installment_view as
  select loan_id, seq, due_date, principal, interest, principal_paid, interest_paid, settled_on
  from repayment_installment;
