-- A province's loans found by index (issue 15, national size: see docs/PERFORMANCE.md): the arrears of a
-- province's dashboard and briefing (repayment's PortfolioArrears through loan_view) filter loan_project by
-- province and transfer date; without it each page read all of the country's loans.
create index if not exists ix_loan_project_province on loan_project (province_code, transfer_date);
