-- The late-work page reads a province's due tasks by joining the engine's task table to process_scope on the
-- province: this index finds the province's instances without reading every province's rows.
create index ix_process_scope_province on process_scope (province_code, process_instance_id);
