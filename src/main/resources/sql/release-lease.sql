-- Hands the post back to the ledger once this worker is done with it for now.
UPDATE post SET lease_owner = NULL, lease_token = NULL, lease_until = NULL
 WHERE id = :#${variable.post.id} AND lease_token = :#${variable.post.leaseToken}
