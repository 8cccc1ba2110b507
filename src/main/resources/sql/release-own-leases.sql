-- At start-up: leases this instance held before a crash or restart can be taken again at once.
UPDATE post SET lease_owner = NULL, lease_token = NULL, lease_until = NULL
 WHERE lease_owner = :#${bean:ledgerClaims.instanceId}
