-- Dead-lettered posts an operator has not discarded yet.
SELECT COUNT(*) AS posts FROM post WHERE state = 'FAILED' AND discarded_at IS NULL
