-- A sale's MySQL stock in slices (ADR 18): one row per (sale, slice), each slice decremented by the
-- consumer of one partition of the order topic, so two order-service instances on one hot sale update
-- different rows and never meet at Seata's global lock on them while stock lasts. The sale's stock is
-- the sum of its slices; a batch whose slice is short takes the rest from the others. A sale made
-- before slices has its one row as slice 0.
ALTER TABLE activity_stock
    ADD COLUMN slice SMALLINT NOT NULL DEFAULT 0 AFTER activity_id,
    DROP PRIMARY KEY,
    ADD PRIMARY KEY (activity_id, slice);
