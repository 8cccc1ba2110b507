SELECT state, COUNT(*) AS posts FROM post WHERE archived_at IS NULL GROUP BY state
