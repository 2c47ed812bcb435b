-- Early settlement (issue 13): paying a loan's pay-off figure on a day settles it with the interest earned to that
-- day; the scheduled interest not yet earned is forgiven, not paid. Kept per installment (what the balance reads)
-- and per allocation and correction (so a reversal replays it exactly). The schedule itself stays as it was.
alter table repayment_installment add column interest_waived numeric(14, 2) default 0 not null;
alter table payment_allocation add column interest_waived numeric(14, 2) default 0 not null;
alter table allocation_correction add column interest_waived numeric(14, 2) default 0 not null;
