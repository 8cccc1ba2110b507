-- Claims a batch of due posts for this instance. The conditions are repeated outside the sub-select
-- so that, on a shared PostgreSQL ledger, a row another instance claimed first is re-checked and skipped.
UPDATE post
   SET lease_owner = :#${variable.claim.instanceId}, lease_token = :#${variable.claim.token}, lease_until = :#${variable.claim.leaseUntil}
 WHERE id IN (SELECT id FROM post
               WHERE archived_at IS NULL
                 AND next_attempt_at <= :#${variable.claim.now}
                 AND (lease_until IS NULL OR lease_until < :#${variable.claim.now})
               ORDER BY next_attempt_at
               LIMIT :#${variable.claim.batchSize})
   AND archived_at IS NULL
   AND next_attempt_at <= :#${variable.claim.now}
   AND (lease_until IS NULL OR lease_until < :#${variable.claim.now})
