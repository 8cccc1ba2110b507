-- A replay that did not happen (duplicate content, missing file, failure) gives its lease back.
UPDATE post SET lease_owner = NULL, lease_token = NULL, lease_until = NULL
 WHERE id = :id AND lease_token = :token
