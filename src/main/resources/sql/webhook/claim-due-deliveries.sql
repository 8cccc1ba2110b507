-- Claims a batch of due deliveries for this instance. As in claim-due-posts.sql, the conditions are repeated
-- outside the sub-select so a row another instance claimed first is re-checked and skipped.
UPDATE webhook_delivery
   SET lease_owner = :#${variable.claim.instanceId}, lease_token = :#${variable.claim.token}, lease_until = :#${variable.claim.leaseUntil}
 WHERE id IN (SELECT d.id FROM webhook_delivery d
               WHERE d.delivered_at IS NULL
                 AND d.given_up_at IS NULL
                 AND d.next_attempt_at <= :#${variable.claim.now}
                 AND (d.lease_until IS NULL OR d.lease_until < :#${variable.claim.now})
               ORDER BY d.next_attempt_at
               LIMIT :#${variable.claim.batchSize})
   AND delivered_at IS NULL
   AND given_up_at IS NULL
   AND next_attempt_at <= :#${variable.claim.now}
   AND (lease_until IS NULL OR lease_until < :#${variable.claim.now})
