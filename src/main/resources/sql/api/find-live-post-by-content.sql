-- Another post of the account that holds this content now (published, or on its way).
SELECT * FROM post
 WHERE account = :account
   AND active_content_hash = :contentHash
   AND id <> :id
