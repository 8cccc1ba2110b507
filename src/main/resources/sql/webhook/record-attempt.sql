-- Records one attempt and hands the delivery back: delivered, given up, or due again at next_attempt_at
-- (a closed delivery keeps the time its last attempt was due).
-- Only while this sender still holds the lease, so an attempt that outlived its lease cannot overwrite
-- the outcome of the instance that took the delivery over.
UPDATE webhook_delivery
   SET attempts = :#${variable.attempt.attempts},
       last_status = :#${variable.attempt.status},
       last_error = :#${variable.attempt.error},
       last_attempt_at = :#${variable.attempt.attemptedAt},
       next_attempt_at = :#${variable.attempt.nextAttemptAt},
       delivered_at = :#${variable.attempt.deliveredAt},
       given_up_at = :#${variable.attempt.givenUpAt},
       lease_owner = NULL, lease_token = NULL, lease_until = NULL
 WHERE id = :#${variable.delivery.id} AND lease_token = :#${variable.delivery.leaseToken}
