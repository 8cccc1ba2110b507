-- Claims a batch of due posts for this instance. The conditions are repeated outside the sub-select
-- so that, on a shared PostgreSQL ledger, a row another instance claimed first is re-checked and skipped.
-- Posts of a paused or throttled account are left alone, except new ones, whose preparation is local work.
UPDATE post
   SET lease_owner = :#${variable.claim.instanceId}, lease_token = :#${variable.claim.token}, lease_until = :#${variable.claim.leaseUntil}
 WHERE id IN (SELECT p.id FROM post p
               WHERE p.archived_at IS NULL
                 AND p.next_attempt_at <= :#${variable.claim.now}
                 AND (p.lease_until IS NULL OR p.lease_until < :#${variable.claim.now})
                 AND (p.state = 'RECEIVED' OR NOT EXISTS (
                        SELECT 1 FROM account_state a
                         WHERE a.account = p.account
                           AND (a.paused_at IS NOT NULL OR a.hold_until > :#${variable.claim.now})))
               ORDER BY p.next_attempt_at
               LIMIT :#${variable.claim.batchSize})
   AND archived_at IS NULL
   AND next_attempt_at <= :#${variable.claim.now}
   AND (lease_until IS NULL OR lease_until < :#${variable.claim.now})
