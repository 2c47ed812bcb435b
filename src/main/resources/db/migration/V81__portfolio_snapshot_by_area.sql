-- The trend of one area (reporting's PortfolioRepository.trend: area_level, area_code, a range of days) read
-- by an index in that order: the primary key starts with the day, so a year's trend of the country walked
-- every area's row of every day (issue 15, national size: see docs/PERFORMANCE.md).
create index if not exists ix_portfolio_snapshot_area on portfolio_snapshot (area_level, area_code, snapshot_date);
