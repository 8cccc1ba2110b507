-- The post (if any) that already holds this content for this account: published, or still on its way.
SELECT * FROM post WHERE account = :account AND active_content_hash = :contentHash
