-- Replenishment plans with sales history when the planner sets no daily demand; the planner's
-- seasonality or promotion uplift multiplies the daily demand, whichever its source (ADR 0015).

alter table replenishment_policy add column demand_uplift numeric(9,4) not null default 1 check (demand_uplift > 0);
