-- How many of an account's posts publish (or were published) within one rolling quota window: published ones,
-- live ones scheduled inside it, and, when the window is the coming one, live ones waiting to publish at once.
SELECT COUNT(*) FROM post
 WHERE account = :account
   AND ((published_at > :windowStart AND published_at <= :windowEnd)
        OR (published_at IS NULL AND active_content_hash IS NOT NULL
            AND ((publish_at > :windowStart AND publish_at <= :windowEnd)
                 OR (publish_at IS NULL AND :includesNow = TRUE))))
