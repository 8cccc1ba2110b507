SELECT * FROM webhook_delivery WHERE lease_token = :#${variable.claim.token} ORDER BY next_attempt_at
